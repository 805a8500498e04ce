CREATE TABLE `spend_file_scope` (
	`file_id` integer NOT NULL,
	`scope_id` integer NOT NULL,
	PRIMARY KEY(`file_id`, `scope_id`)
);
--> statement-breakpoint
CREATE INDEX `spend_file_scope_scope` ON `spend_file_scope` (`scope_id`);--> statement-breakpoint
ALTER TABLE `spend_daily` ADD `last_day` text;--> statement-breakpoint
ALTER TABLE `spend_file` ADD `content_sha256` text;--> statement-breakpoint
CREATE INDEX `spend_file_content` ON `spend_file` (`content_sha256`);
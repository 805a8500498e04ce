CREATE TABLE `spend_daily` (
	`scope_id` integer NOT NULL,
	`source` text NOT NULL,
	`day` text NOT NULL,
	`currency` text NOT NULL,
	`dim` text NOT NULL,
	`value` text NOT NULL,
	`rows` integer NOT NULL,
	`billed_units` integer NOT NULL,
	`billed_f1` integer NOT NULL,
	`billed_f2` integer NOT NULL,
	`billed_f3` integer NOT NULL,
	`effective_units` integer NOT NULL,
	`effective_f1` integer NOT NULL,
	`effective_f2` integer NOT NULL,
	`effective_f3` integer NOT NULL,
	`list_units` integer NOT NULL,
	`list_f1` integer NOT NULL,
	`list_f2` integer NOT NULL,
	`list_f3` integer NOT NULL,
	`contracted_units` integer NOT NULL,
	`contracted_f1` integer NOT NULL,
	`contracted_f2` integer NOT NULL,
	`contracted_f3` integer NOT NULL,
	`effective_missing` integer NOT NULL,
	`list_missing` integer NOT NULL,
	`contracted_missing` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `spend_daily_report` ON `spend_daily` (`source`,`dim`,`currency`,`day`);--> statement-breakpoint
CREATE INDEX `spend_daily_scope` ON `spend_daily` (`scope_id`);--> statement-breakpoint
CREATE TABLE `spend_file` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`path` text NOT NULL,
	`format` text NOT NULL,
	`imported_at` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `spend_line` (
	`id` integer PRIMARY KEY NOT NULL,
	`scope_id` integer NOT NULL,
	`file_id` integer,
	`source_row` integer,
	`billed_cost` text NOT NULL,
	`effective_cost` text,
	`list_cost` text,
	`contracted_cost` text,
	`billing_currency` text NOT NULL,
	`charge_period_start` text NOT NULL,
	`charge_period_end` text,
	`billing_period_start` text NOT NULL,
	`billing_period_end` text,
	`charge_category` text,
	`charge_class` text,
	`charge_frequency` text,
	`pricing_category` text,
	`pricing_quantity` text,
	`pricing_unit` text,
	`consumed_quantity` text,
	`consumed_unit` text,
	`service_name` text,
	`service_category` text,
	`resource_id` text,
	`resource_type` text,
	`region_id` text,
	`availability_zone` text,
	`provider_name` text,
	`billing_account_id` text,
	`sub_account_id` text,
	`sku_id` text,
	`commitment_discount_id` text,
	`commitment_discount_type` text,
	`commitment_discount_category` text,
	`commitment_discount_status` text,
	`tags` text DEFAULT '{}' NOT NULL
);
--> statement-breakpoint
CREATE INDEX `spend_line_scope` ON `spend_line` (`scope_id`);--> statement-breakpoint
CREATE TABLE `spend_scope` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`scope_key` text NOT NULL,
	`source` text NOT NULL,
	`provider` text NOT NULL,
	`account` text NOT NULL,
	`period` text NOT NULL,
	`estimated` integer DEFAULT 0 NOT NULL,
	`row_count` integer NOT NULL,
	`imported_at` text NOT NULL,
	`detail` text DEFAULT '{}' NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `spend_scope_key` ON `spend_scope` (`scope_key`);--> statement-breakpoint
CREATE INDEX `spend_scope_source_period` ON `spend_scope` (`source`,`period`);
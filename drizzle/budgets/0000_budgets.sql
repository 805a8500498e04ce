CREATE TABLE `budget_apps` (
	`budget_id` integer NOT NULL,
	`position` integer NOT NULL,
	`app` text NOT NULL,
	`vm_count` integer NOT NULL,
	`instance_type` text,
	`instance_count` real NOT NULL,
	`hourly_cost` text NOT NULL,
	`monthly_cost` text NOT NULL,
	PRIMARY KEY(`budget_id`, `app`),
	FOREIGN KEY (`budget_id`) REFERENCES `budgets`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `budget_environments` (
	`budget_id` integer NOT NULL,
	`position` integer NOT NULL,
	`name` text NOT NULL,
	`ratio` text NOT NULL,
	`monthly_cost` text NOT NULL,
	PRIMARY KEY(`budget_id`, `name`),
	FOREIGN KEY (`budget_id`) REFERENCES `budgets`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `budgets` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`saved_at` text NOT NULL,
	`prices_as_of` text NOT NULL,
	`region` text NOT NULL,
	`currency` text NOT NULL,
	`hours_per_month` real NOT NULL,
	`usd_to_eur` text NOT NULL,
	`fx_as_of` text NOT NULL,
	`fx_source` text NOT NULL,
	`strategy` text NOT NULL,
	`headroom_pct` real NOT NULL,
	`total_monthly_cost` text NOT NULL,
	`inputs_json` text NOT NULL,
	`result_json` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `budgets_name_unique` ON `budgets` (`name`);
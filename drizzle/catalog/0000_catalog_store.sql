CREATE TABLE `catalog_instance_types` (
	`instance_type` text PRIMARY KEY NOT NULL,
	`family` text NOT NULL,
	`generation` integer NOT NULL,
	`size` text NOT NULL,
	`vcpu` integer NOT NULL,
	`memory_gib` real NOT NULL,
	`arch` text NOT NULL,
	`cpu_manufacturer` text NOT NULL,
	`sustained_clock_ghz` real,
	`burstable` integer NOT NULL,
	`bare_metal` integer NOT NULL,
	`current_generation` integer NOT NULL,
	`network_bandwidth_mbps` integer,
	`gpu_count` integer NOT NULL,
	`source` text NOT NULL,
	`as_of` text NOT NULL,
	`written_at` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `catalog_on_demand_prices` (
	`region` text NOT NULL,
	`instance_type` text NOT NULL,
	`usd_per_hour` text NOT NULL,
	`source` text NOT NULL,
	`as_of` text NOT NULL,
	`basis_kind` text DEFAULT 'exact' NOT NULL,
	`method` text,
	`written_at` text NOT NULL,
	PRIMARY KEY(`region`, `instance_type`, `source`)
);
--> statement-breakpoint
CREATE TABLE `catalog_refresh_log` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`at` text NOT NULL,
	`kind` text NOT NULL,
	`origin` text NOT NULL,
	`region` text NOT NULL,
	`sources` text NOT NULL,
	`as_of` text NOT NULL,
	`instance_types` integer NOT NULL,
	`on_demand` integer NOT NULL,
	`reserved` integer NOT NULL,
	`spot` integer NOT NULL,
	`service_prices` integer NOT NULL,
	`scope` text
);
--> statement-breakpoint
CREATE TABLE `catalog_reserved_prices` (
	`region` text NOT NULL,
	`instance_type` text NOT NULL,
	`term` text NOT NULL,
	`offering_class` text NOT NULL,
	`payment_option` text NOT NULL,
	`upfront_usd` text NOT NULL,
	`usd_per_hour` text NOT NULL,
	`effective_usd_per_hour` text NOT NULL,
	`source` text NOT NULL,
	`as_of` text NOT NULL,
	`basis_kind` text DEFAULT 'exact' NOT NULL,
	`method` text,
	`written_at` text NOT NULL,
	`split_source` text,
	`split_as_of` text,
	`split_kind` text,
	`split_method` text,
	PRIMARY KEY(`region`, `instance_type`, `source`, `term`, `offering_class`, `payment_option`)
);
--> statement-breakpoint
CREATE TABLE `catalog_service_prices` (
	`region` text NOT NULL,
	`key` text NOT NULL,
	`unit` text NOT NULL,
	`usd` text NOT NULL,
	`description` text NOT NULL,
	`source` text NOT NULL,
	`as_of` text NOT NULL,
	`basis_kind` text DEFAULT 'exact' NOT NULL,
	`method` text,
	`written_at` text NOT NULL,
	PRIMARY KEY(`region`, `key`, `source`)
);
--> statement-breakpoint
CREATE TABLE `catalog_sources` (
	`id` text PRIMARY KEY NOT NULL,
	`description` text NOT NULL,
	`as_of` text NOT NULL,
	`origin` text NOT NULL,
	`written_at` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `catalog_spot_advisor` (
	`region` text NOT NULL,
	`instance_type` text NOT NULL,
	`savings_percent` integer,
	`interruption_index` integer,
	`interruption_label` text,
	`source` text NOT NULL,
	`as_of` text NOT NULL,
	`basis_kind` text DEFAULT 'exact' NOT NULL,
	`method` text,
	`written_at` text NOT NULL,
	PRIMARY KEY(`region`, `instance_type`, `source`)
);
--> statement-breakpoint
CREATE TABLE `catalog_spot_prices` (
	`region` text NOT NULL,
	`instance_type` text NOT NULL,
	`average_usd_per_hour` text NOT NULL,
	`by_zone` text NOT NULL,
	`source` text NOT NULL,
	`as_of` text NOT NULL,
	`basis_kind` text DEFAULT 'exact' NOT NULL,
	`method` text,
	`written_at` text NOT NULL,
	PRIMARY KEY(`region`, `instance_type`, `source`)
);

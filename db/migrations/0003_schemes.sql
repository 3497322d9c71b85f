CREATE TABLE `scheme_versions` (
	`id` text PRIMARY KEY NOT NULL,
	`tenant_id` text NOT NULL,
	`scheme_id` text NOT NULL,
	`version` integer NOT NULL,
	`status` text NOT NULL,
	`content` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`published_at` text,
	`published_by` text
);
--> statement-breakpoint
CREATE UNIQUE INDEX `scheme_versions_version_uq` ON `scheme_versions` (`tenant_id`,`scheme_id`,`version`);--> statement-breakpoint
CREATE UNIQUE INDEX `scheme_versions_one_draft_uq` ON `scheme_versions` (`tenant_id`,`scheme_id`) WHERE status = 'draft';--> statement-breakpoint
CREATE TABLE `schemes` (
	`id` text PRIMARY KEY NOT NULL,
	`tenant_id` text NOT NULL,
	`name` text NOT NULL,
	`description` text DEFAULT '' NOT NULL,
	`status` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `schemes_tenant_status_ix` ON `schemes` (`tenant_id`,`status`);
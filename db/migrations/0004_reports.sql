CREATE TABLE `reports` (
	`id` text PRIMARY KEY NOT NULL,
	`tenant_id` text NOT NULL,
	`kind` text NOT NULL,
	`format` text NOT NULL,
	`status` text NOT NULL,
	`params` text NOT NULL,
	`lang` text NOT NULL,
	`file_name` text NOT NULL,
	`object_key` text NOT NULL,
	`rows` integer,
	`bytes` integer,
	`sha256` text,
	`error_code` text,
	`error_params` text,
	`attempt` integer NOT NULL,
	`created_by_type` text NOT NULL,
	`created_by_id` text NOT NULL,
	`created_at` text NOT NULL,
	`started_at` text,
	`finished_at` text,
	`expires_at` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `reports_tenant_created_ix` ON `reports` (`tenant_id`,`created_at`,`id`);--> statement-breakpoint
CREATE INDEX `reports_tenant_creator_ix` ON `reports` (`tenant_id`,`created_by_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `reports_expiry_ix` ON `reports` (`expires_at`);
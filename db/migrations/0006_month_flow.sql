CREATE TABLE `invitations` (
	`id` text PRIMARY KEY NOT NULL,
	`tenant_id` text NOT NULL,
	`user_id` text NOT NULL,
	`token_hash` text NOT NULL,
	`created_by` text NOT NULL,
	`created_at` text NOT NULL,
	`expires_at` text NOT NULL,
	`used_at` text
);
--> statement-breakpoint
CREATE UNIQUE INDEX `invitations_token_uq` ON `invitations` (`token_hash`);--> statement-breakpoint
CREATE INDEX `invitations_user_ix` ON `invitations` (`tenant_id`,`user_id`);--> statement-breakpoint
ALTER TABLE `evaluations` ADD `complete` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `evaluations` ADD `submitted_at` text;--> statement-breakpoint
ALTER TABLE `evaluations` ADD `confirm_due_at` text;--> statement-breakpoint
ALTER TABLE `evaluations` ADD `confirmed_at` text;--> statement-breakpoint
ALTER TABLE `evaluations` ADD `confirmed_how` text;--> statement-breakpoint
ALTER TABLE `periods` ADD `inputs_due_on` text;--> statement-breakpoint
ALTER TABLE `departments` ADD `parent_id` text;--> statement-breakpoint
ALTER TABLE `departments` ADD `active` integer DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE `positions` ADD `active` integer DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE `tenants` ADD `confirm_window_days` integer DEFAULT 3 NOT NULL;--> statement-breakpoint
-- Evaluations already scored: complete when nothing required is missing and something was recorded.
UPDATE `evaluations` SET `complete` = 1 WHERE `missing_required` = '[]' AND EXISTS (SELECT 1 FROM `evaluation_inputs` i WHERE i.`tenant_id` = `evaluations`.`tenant_id` AND i.`evaluation_id` = `evaluations`.`id` AND i.`voided` = 0);

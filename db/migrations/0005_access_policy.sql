CREATE TABLE `retired_employee_nos` (
	`tenant_id` text NOT NULL,
	`employee_no` text NOT NULL,
	`employee_id` text NOT NULL,
	`retired_at` text NOT NULL,
	PRIMARY KEY(`tenant_id`, `employee_no`)
);
--> statement-breakpoint
CREATE TABLE `account_controllers` (
	`tenant_id` text NOT NULL,
	`user_id` text NOT NULL,
	`controller_id` text NOT NULL,
	`how` text NOT NULL,
	`at` text NOT NULL,
	PRIMARY KEY(`tenant_id`, `user_id`, `controller_id`)
);
--> statement-breakpoint
ALTER TABLE `evaluation_inputs` ADD `entered_by` text;--> statement-breakpoint
ALTER TABLE `evaluation_inputs` ADD `key_id` text;--> statement-breakpoint
ALTER TABLE `users` ADD `must_change_password` integer DEFAULT false NOT NULL;
CREATE TABLE `appeals` (
	`id` text PRIMARY KEY NOT NULL,
	`tenant_id` text NOT NULL,
	`evaluation_id` text NOT NULL,
	`reason` text NOT NULL,
	`disputed_input_ids` text NOT NULL,
	`status` text NOT NULL,
	`answer` text,
	`voided_input_ids` text,
	`created_by` text NOT NULL,
	`created_at` text NOT NULL,
	`resolved_by` text,
	`resolved_at` text
);
--> statement-breakpoint
CREATE INDEX `appeals_eval_ix` ON `appeals` (`tenant_id`,`evaluation_id`);--> statement-breakpoint
CREATE TABLE `evaluation_inputs` (
	`id` text PRIMARY KEY NOT NULL,
	`tenant_id` text NOT NULL,
	`evaluation_id` text NOT NULL,
	`kind` text NOT NULL,
	`indicator` text NOT NULL,
	`rule` text,
	`value` real,
	`count` integer,
	`passed` text,
	`evidence` text,
	`source` text NOT NULL,
	`recorded_by` text NOT NULL,
	`voided` integer DEFAULT false NOT NULL,
	`voided_by_appeal` text,
	`created_at` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `evaluation_inputs_eval_ix` ON `evaluation_inputs` (`tenant_id`,`evaluation_id`,`kind`);--> statement-breakpoint
CREATE TABLE `evaluations` (
	`id` text PRIMARY KEY NOT NULL,
	`tenant_id` text NOT NULL,
	`period_id` text NOT NULL,
	`employee_id` text NOT NULL,
	`department_id` text NOT NULL,
	`position_id` text NOT NULL,
	`scheme_id` text NOT NULL,
	`scheme_version_id` text NOT NULL,
	`status` text NOT NULL,
	`revision` integer NOT NULL,
	`total_centi` integer NOT NULL,
	`grade` text NOT NULL,
	`k` real NOT NULL,
	`vetoed` integer NOT NULL,
	`base_salary_fen` integer NOT NULL,
	`bonus_base_fen` integer NOT NULL,
	`bonus_fen` integer NOT NULL,
	`pay_total_fen` integer NOT NULL,
	`breakdown` text NOT NULL,
	`missing_required` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `evaluations_period_employee_uq` ON `evaluations` (`tenant_id`,`period_id`,`employee_id`);--> statement-breakpoint
CREATE INDEX `evaluations_period_dept_ix` ON `evaluations` (`tenant_id`,`period_id`,`department_id`);--> statement-breakpoint
CREATE INDEX `evaluations_employee_ix` ON `evaluations` (`tenant_id`,`employee_id`);--> statement-breakpoint
CREATE TABLE `periods` (
	`id` text PRIMARY KEY NOT NULL,
	`tenant_id` text NOT NULL,
	`key` text NOT NULL,
	`status` text NOT NULL,
	`opened_at` text NOT NULL,
	`opened_by` text NOT NULL,
	`closed_at` text,
	`closed_by` text
);
--> statement-breakpoint
CREATE UNIQUE INDEX `periods_key_uq` ON `periods` (`tenant_id`,`key`);--> statement-breakpoint
CREATE TABLE `scheme_assignments` (
	`id` text PRIMARY KEY NOT NULL,
	`tenant_id` text NOT NULL,
	`target_type` text NOT NULL,
	`target_id` text NOT NULL,
	`scheme_id` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `scheme_assignments_target_uq` ON `scheme_assignments` (`tenant_id`,`target_type`,`target_id`);--> statement-breakpoint
CREATE INDEX `scheme_assignments_scheme_ix` ON `scheme_assignments` (`tenant_id`,`scheme_id`);--> statement-breakpoint
CREATE TABLE `idempotency_keys` (
	`tenant_id` text NOT NULL,
	`key` text NOT NULL,
	`request_hash` text NOT NULL,
	`state` text NOT NULL,
	`response_status` integer,
	`response_body` text,
	`created_at` text NOT NULL,
	`completed_at` text,
	PRIMARY KEY(`tenant_id`, `key`)
);
--> statement-breakpoint
CREATE TABLE `department_supervisors` (
	`tenant_id` text NOT NULL,
	`department_id` text NOT NULL,
	`user_id` text NOT NULL,
	PRIMARY KEY(`tenant_id`, `department_id`, `user_id`)
);
--> statement-breakpoint
CREATE INDEX `department_supervisors_user_ix` ON `department_supervisors` (`tenant_id`,`user_id`);--> statement-breakpoint
CREATE TABLE `departments` (
	`id` text PRIMARY KEY NOT NULL,
	`tenant_id` text NOT NULL,
	`name` text NOT NULL,
	`site` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `departments_tenant_name_uq` ON `departments` (`tenant_id`,`name`);--> statement-breakpoint
CREATE TABLE `employees` (
	`id` text PRIMARY KEY NOT NULL,
	`tenant_id` text NOT NULL,
	`employee_no` text NOT NULL,
	`name` text NOT NULL,
	`department_id` text NOT NULL,
	`position_id` text NOT NULL,
	`supervisor_user_id` text,
	`user_id` text,
	`active` integer DEFAULT true NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `employees_tenant_no_uq` ON `employees` (`tenant_id`,`employee_no`);--> statement-breakpoint
CREATE UNIQUE INDEX `employees_tenant_user_uq` ON `employees` (`tenant_id`,`user_id`);--> statement-breakpoint
CREATE INDEX `employees_tenant_dept_ix` ON `employees` (`tenant_id`,`department_id`,`employee_no`);--> statement-breakpoint
CREATE INDEX `employees_tenant_position_ix` ON `employees` (`tenant_id`,`position_id`);--> statement-breakpoint
CREATE TABLE `positions` (
	`id` text PRIMARY KEY NOT NULL,
	`tenant_id` text NOT NULL,
	`name` text NOT NULL,
	`base_salary_fen` integer NOT NULL,
	`bonus_base_fen` integer NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	CONSTRAINT "positions_money_ck" CHECK("positions"."base_salary_fen" >= 0 AND "positions"."bonus_base_fen" >= 0)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `positions_tenant_name_uq` ON `positions` (`tenant_id`,`name`);
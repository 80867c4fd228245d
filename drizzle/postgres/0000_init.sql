CREATE TABLE "audit_entries" (
	"id" text PRIMARY KEY NOT NULL,
	"seq" integer NOT NULL,
	"actor" text NOT NULL,
	"entity" text NOT NULL,
	"entity_id" text NOT NULL,
	"action" text NOT NULL,
	"at" bigint NOT NULL,
	"diff" text NOT NULL,
	CONSTRAINT "audit_entries_seq_unique" UNIQUE("seq")
);
--> statement-breakpoint
CREATE TABLE "bugs" (
	"id" text PRIMARY KEY NOT NULL,
	"title" text NOT NULL,
	"severity" text NOT NULL,
	"status" text NOT NULL,
	"task_id" text,
	"repro_steps" text NOT NULL,
	"proposed_fix" text,
	"version" integer NOT NULL,
	"created_at" bigint NOT NULL,
	"updated_at" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "design_notes" (
	"id" text PRIMARY KEY NOT NULL,
	"title" text NOT NULL,
	"context" text NOT NULL,
	"decision" text NOT NULL,
	"consequences" text NOT NULL,
	"actor" text NOT NULL,
	"created_at" bigint NOT NULL,
	"superseded_by" text
);
--> statement-breakpoint
CREATE TABLE "status_updates" (
	"id" text PRIMARY KEY NOT NULL,
	"actor" text NOT NULL,
	"task_id" text,
	"message" text NOT NULL,
	"created_at" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "tasks" (
	"id" text PRIMARY KEY NOT NULL,
	"title" text NOT NULL,
	"status" text NOT NULL,
	"priority" text NOT NULL,
	"assignees" text NOT NULL,
	"rationale_log" text NOT NULL,
	"version" integer NOT NULL,
	"created_at" bigint NOT NULL,
	"updated_at" bigint NOT NULL
);
--> statement-breakpoint
ALTER TABLE "bugs" ADD CONSTRAINT "bugs_task_id_tasks_id_fk" FOREIGN KEY ("task_id") REFERENCES "public"."tasks"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "design_notes" ADD CONSTRAINT "design_notes_superseded_by_design_notes_id_fk" FOREIGN KEY ("superseded_by") REFERENCES "public"."design_notes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "status_updates" ADD CONSTRAINT "status_updates_task_id_tasks_id_fk" FOREIGN KEY ("task_id") REFERENCES "public"."tasks"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "audit_entries_entity_idx" ON "audit_entries" USING btree ("entity_id","seq");--> statement-breakpoint
CREATE INDEX "audit_entries_actor_idx" ON "audit_entries" USING btree ("actor","seq");--> statement-breakpoint
CREATE INDEX "audit_entries_at_idx" ON "audit_entries" USING btree ("at","seq");--> statement-breakpoint
CREATE INDEX "bugs_created_idx" ON "bugs" USING btree ("created_at","id");--> statement-breakpoint
CREATE INDEX "bugs_task_idx" ON "bugs" USING btree ("task_id","created_at","id");--> statement-breakpoint
CREATE INDEX "design_notes_created_idx" ON "design_notes" USING btree ("created_at","id");--> statement-breakpoint
CREATE INDEX "status_updates_created_idx" ON "status_updates" USING btree ("created_at","id");--> statement-breakpoint
CREATE INDEX "status_updates_task_idx" ON "status_updates" USING btree ("task_id","created_at","id");--> statement-breakpoint
CREATE INDEX "status_updates_actor_idx" ON "status_updates" USING btree ("actor","created_at","id");--> statement-breakpoint
CREATE INDEX "tasks_created_idx" ON "tasks" USING btree ("created_at","id");
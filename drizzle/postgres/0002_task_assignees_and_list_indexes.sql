CREATE TABLE "task_assignees" (
	"task_id" text NOT NULL,
	"position" integer NOT NULL,
	"assignee" text NOT NULL,
	"task_created_at" bigint NOT NULL,
	CONSTRAINT "task_assignees_task_id_position_pk" PRIMARY KEY("task_id","position")
);
--> statement-breakpoint
-- Hand-written: move each task's assignees (a JSON array) into the new table, in order, before the column goes.
INSERT INTO "task_assignees" ("task_id", "position", "assignee", "task_created_at")
  SELECT "tasks"."id", "a"."ordinality" - 1, "a"."value", "tasks"."created_at"
  FROM "tasks", json_array_elements_text("tasks"."assignees"::json) WITH ORDINALITY AS "a"("value", "ordinality");--> statement-breakpoint
ALTER TABLE "task_assignees" ADD CONSTRAINT "task_assignees_task_id_tasks_id_fk" FOREIGN KEY ("task_id") REFERENCES "public"."tasks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "task_assignees_assignee_idx" ON "task_assignees" USING btree ("assignee","task_created_at","task_id");--> statement-breakpoint
CREATE INDEX "audit_entries_entity_kind_idx" ON "audit_entries" USING btree ("entity","seq");--> statement-breakpoint
CREATE INDEX "audit_entries_action_idx" ON "audit_entries" USING btree ("action","seq");--> statement-breakpoint
CREATE INDEX "bugs_severity_idx" ON "bugs" USING btree ("severity","created_at","id");--> statement-breakpoint
CREATE INDEX "bugs_status_idx" ON "bugs" USING btree ("status","created_at","id");--> statement-breakpoint
CREATE INDEX "design_notes_active_idx" ON "design_notes" USING btree ("created_at","id") WHERE "design_notes"."superseded_by" is null;--> statement-breakpoint
CREATE INDEX "design_notes_superseded_idx" ON "design_notes" USING btree ("created_at","id") WHERE "design_notes"."superseded_by" is not null;--> statement-breakpoint
CREATE INDEX "tasks_status_idx" ON "tasks" USING btree ("status","created_at","id");--> statement-breakpoint
CREATE INDEX "tasks_priority_idx" ON "tasks" USING btree ("priority","created_at","id");--> statement-breakpoint
ALTER TABLE "tasks" DROP COLUMN "assignees";
CREATE TABLE "search_documents" (
	"entity_id" text PRIMARY KEY NOT NULL,
	"entity" text NOT NULL,
	"created_at" bigint NOT NULL,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"document" "tsvector" NOT NULL
);
--> statement-breakpoint
ALTER TABLE "design_notes" ADD COLUMN "status" text DEFAULT 'accepted' NOT NULL;--> statement-breakpoint
ALTER TABLE "design_notes" ADD COLUMN "version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
CREATE INDEX "search_documents_document_idx" ON "search_documents" USING gin ("document");--> statement-breakpoint
CREATE INDEX "design_notes_status_idx" ON "design_notes" USING btree ("status","created_at","id");
-- Rows written before the rich-text editor are Markdown: the columns arrive as 'markdown' for them, then default to
-- 'html' for new rows. lib/reports/legacy.ts converts the Markdown rows to sanitized HTML once, on start.
ALTER TABLE "report_sections" ADD COLUMN "format" text DEFAULT 'markdown' NOT NULL;--> statement-breakpoint
ALTER TABLE "report_sections" ALTER COLUMN "format" SET DEFAULT 'html';--> statement-breakpoint
ALTER TABLE "reports" ADD COLUMN "lead_format" text DEFAULT 'markdown' NOT NULL;--> statement-breakpoint
ALTER TABLE "reports" ALTER COLUMN "lead_format" SET DEFAULT 'html';--> statement-breakpoint
ALTER TABLE "report_sections" ADD CONSTRAINT "report_sections_format" CHECK ("report_sections"."format" IN ('html', 'markdown'));--> statement-breakpoint
ALTER TABLE "reports" ADD CONSTRAINT "reports_lead_format" CHECK ("reports"."lead_format" IN ('html', 'markdown'));

ALTER TABLE "buses" ADD COLUMN "name_en" text;--> statement-breakpoint
ALTER TABLE "buses" ADD COLUMN "leader_name_en" text;
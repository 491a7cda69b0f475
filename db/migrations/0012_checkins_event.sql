-- A check-in carries its registration's forum (issue 15): per-forum reads of check-ins use their own index instead
-- of reaching every check-in through registrations. The column is backfilled before it becomes NOT NULL, and the
-- (registration_id, event_id) foreign key — which replaces the one on registration_id alone — keeps it equal.
ALTER TABLE "registrations" ADD CONSTRAINT "registrations_id_event_unique" UNIQUE("id","event_id");--> statement-breakpoint
ALTER TABLE "checkins" ADD COLUMN "event_id" uuid;--> statement-breakpoint
UPDATE "checkins" SET "event_id" = "registrations"."event_id" FROM "registrations" WHERE "registrations"."id" = "checkins"."registration_id";--> statement-breakpoint
ALTER TABLE "checkins" ALTER COLUMN "event_id" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "checkins" DROP CONSTRAINT "checkins_registration_id_registrations_id_fk";--> statement-breakpoint
ALTER TABLE "checkins" ADD CONSTRAINT "checkins_registration_event_fk" FOREIGN KEY ("registration_id","event_id") REFERENCES "public"."registrations"("id","event_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "checkins_event_segment_registration_idx" ON "checkins" USING btree ("event_id","segment","registration_id");

CREATE TYPE "public"."room_type" AS ENUM('single', 'shared');--> statement-breakpoint
CREATE TABLE "delegation_notices" (
	"event_id" uuid PRIMARY KEY NOT NULL,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"signature" text DEFAULT '' NOT NULL,
	"issued_on" text DEFAULT '' NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "hotels" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"event_id" uuid NOT NULL,
	"name" text NOT NULL,
	"address" text,
	"phone" text,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "hotels_event_name_unique" UNIQUE("event_id","name")
);
--> statement-breakpoint
CREATE TABLE "room_assignments" (
	"delegate_id" uuid PRIMARY KEY NOT NULL,
	"block_id" uuid NOT NULL,
	"room" integer NOT NULL,
	"bed" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "room_assignments_bed_unique" UNIQUE("block_id","room","bed"),
	CONSTRAINT "room_assignments_room_positive" CHECK ("room_assignments"."room" >= 1),
	CONSTRAINT "room_assignments_bed_range" CHECK ("room_assignments"."bed" BETWEEN 1 AND 2)
);
--> statement-breakpoint
CREATE TABLE "room_blocks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"hotel_id" uuid NOT NULL,
	"type" "room_type" NOT NULL,
	"count" integer NOT NULL,
	"nights" integer DEFAULT 1 NOT NULL,
	"room_numbers" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "room_blocks_count_positive" CHECK ("room_blocks"."count" >= 1),
	CONSTRAINT "room_blocks_nights_positive" CHECK ("room_blocks"."nights" >= 1)
);
--> statement-breakpoint
ALTER TABLE "delegation_notices" ADD CONSTRAINT "delegation_notices_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "delegation_notices" ADD CONSTRAINT "delegation_notices_updated_by_id_users_id_fk" FOREIGN KEY ("updated_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hotels" ADD CONSTRAINT "hotels_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "room_assignments" ADD CONSTRAINT "room_assignments_delegate_id_delegates_id_fk" FOREIGN KEY ("delegate_id") REFERENCES "public"."delegates"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "room_assignments" ADD CONSTRAINT "room_assignments_block_id_room_blocks_id_fk" FOREIGN KEY ("block_id") REFERENCES "public"."room_blocks"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "room_blocks" ADD CONSTRAINT "room_blocks_hotel_id_hotels_id_fk" FOREIGN KEY ("hotel_id") REFERENCES "public"."hotels"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "hotels_event_idx" ON "hotels" USING btree ("event_id","sort_order");--> statement-breakpoint
CREATE INDEX "room_blocks_hotel_idx" ON "room_blocks" USING btree ("hotel_id");
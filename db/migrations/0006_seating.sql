CREATE TYPE "public"."room_layout" AS ENUM('theatre', 'classroom', 'round_tables', 'rostrum_hall');--> statement-breakpoint
CREATE TYPE "public"."hall_reserve_reason" AS ENUM('media', 'staff', 'vip', 'other');--> statement-breakpoint
CREATE TYPE "public"."seating_convention" AS ENUM('government', 'international');--> statement-breakpoint
CREATE TYPE "public"."seating_print_kind" AS ENUM('rostrum_map', 'hall_map', 'table_cards', 'dining_lists');--> statement-breakpoint
CREATE TABLE "rooms" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"event_id" uuid NOT NULL,
	"name" text NOT NULL,
	"name_en" text,
	"capacity" integer,
	"floor" text,
	"layout" "room_layout" DEFAULT 'theatre' NOT NULL,
	"order" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "rooms_name" CHECK (length(trim("rooms"."name")) > 0),
	CONSTRAINT "rooms_capacity_positive" CHECK ("rooms"."capacity" IS NULL OR "rooms"."capacity" > 0)
);
--> statement-breakpoint
CREATE TABLE "dining_plans" (
	"event_id" uuid PRIMARY KEY NOT NULL,
	"table_size" integer DEFAULT 10 NOT NULL,
	"convention" "seating_convention" DEFAULT 'international' NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "dining_plans_table_size" CHECK ("dining_plans"."table_size" BETWEEN 2 AND 30)
);
--> statement-breakpoint
CREATE TABLE "dining_seats" (
	"event_id" uuid NOT NULL,
	"table_id" uuid NOT NULL,
	"seat" integer NOT NULL,
	"person_id" uuid,
	"registration_id" uuid,
	CONSTRAINT "dining_seats_table_id_seat_pk" PRIMARY KEY("table_id","seat"),
	CONSTRAINT "dining_seats_one_person" CHECK (("dining_seats"."person_id" IS NULL) <> ("dining_seats"."registration_id" IS NULL)),
	CONSTRAINT "dining_seats_seat" CHECK ("dining_seats"."seat" >= 1)
);
--> statement-breakpoint
CREATE TABLE "dining_tables" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"event_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"size" integer NOT NULL,
	CONSTRAINT "dining_tables_number" CHECK ("dining_tables"."number" >= 1),
	CONSTRAINT "dining_tables_size" CHECK ("dining_tables"."size" BETWEEN 2 AND 30)
);
--> statement-breakpoint
CREATE TABLE "hall_plans" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"event_id" uuid NOT NULL,
	"room_id" uuid,
	"rows" integer NOT NULL,
	"seats_per_row" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "hall_plans_size" CHECK ("hall_plans"."rows" BETWEEN 1 AND 200 AND "hall_plans"."seats_per_row" BETWEEN 1 AND 200)
);
--> statement-breakpoint
CREATE TABLE "hall_reserved_rows" (
	"plan_id" uuid NOT NULL,
	"row" integer NOT NULL,
	"reason" "hall_reserve_reason" NOT NULL,
	CONSTRAINT "hall_reserved_rows_plan_id_row_pk" PRIMARY KEY("plan_id","row"),
	CONSTRAINT "hall_reserved_rows_row" CHECK ("hall_reserved_rows"."row" >= 1)
);
--> statement-breakpoint
CREATE TABLE "hall_seats" (
	"plan_id" uuid NOT NULL,
	"row" integer NOT NULL,
	"seat" integer NOT NULL,
	"registration_id" uuid NOT NULL,
	CONSTRAINT "hall_seats_plan_id_row_seat_pk" PRIMARY KEY("plan_id","row","seat"),
	CONSTRAINT "hall_seats_position" CHECK ("hall_seats"."row" >= 1 AND "hall_seats"."seat" >= 1)
);
--> statement-breakpoint
CREATE TABLE "protocol_entries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"event_id" uuid NOT NULL,
	"person_id" uuid,
	"registration_id" uuid,
	"rank" "delegate_rank" DEFAULT 'other' NOT NULL,
	"position" integer NOT NULL,
	"title" text,
	"title_en" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "protocol_entries_one_person" CHECK (("protocol_entries"."person_id" IS NULL) <> ("protocol_entries"."registration_id" IS NULL)),
	CONSTRAINT "protocol_entries_position_positive" CHECK ("protocol_entries"."position" >= 1)
);
--> statement-breakpoint
CREATE TABLE "rostrum_plans" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"event_id" uuid NOT NULL,
	"room_id" uuid,
	"session_id" uuid,
	"convention" "seating_convention" DEFAULT 'government' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "rostrum_plans_scope_unique" UNIQUE NULLS NOT DISTINCT("event_id","room_id","session_id")
);
--> statement-breakpoint
CREATE TABLE "rostrum_seats" (
	"plan_id" uuid NOT NULL,
	"row" integer NOT NULL,
	"seat" integer NOT NULL,
	"person_id" uuid,
	"registration_id" uuid,
	CONSTRAINT "rostrum_seats_plan_id_row_seat_pk" PRIMARY KEY("plan_id","row","seat"),
	CONSTRAINT "rostrum_seats_one_person" CHECK (("rostrum_seats"."person_id" IS NULL) <> ("rostrum_seats"."registration_id" IS NULL)),
	CONSTRAINT "rostrum_seats_position" CHECK ("rostrum_seats"."row" >= 1 AND "rostrum_seats"."seat" >= 1)
);
--> statement-breakpoint
CREATE TABLE "seating_prints" (
	"event_id" uuid NOT NULL,
	"kind" "seating_print_kind" NOT NULL,
	"fingerprint" text NOT NULL,
	"printed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "seating_prints_event_id_kind_pk" PRIMARY KEY("event_id","kind")
);
--> statement-breakpoint
ALTER TABLE "agenda_sessions" ADD COLUMN "room_id" uuid;--> statement-breakpoint
ALTER TABLE "rooms" ADD CONSTRAINT "rooms_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dining_plans" ADD CONSTRAINT "dining_plans_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dining_seats" ADD CONSTRAINT "dining_seats_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dining_seats" ADD CONSTRAINT "dining_seats_table_id_dining_tables_id_fk" FOREIGN KEY ("table_id") REFERENCES "public"."dining_tables"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dining_seats" ADD CONSTRAINT "dining_seats_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dining_seats" ADD CONSTRAINT "dining_seats_registration_id_registrations_id_fk" FOREIGN KEY ("registration_id") REFERENCES "public"."registrations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dining_tables" ADD CONSTRAINT "dining_tables_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hall_plans" ADD CONSTRAINT "hall_plans_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hall_plans" ADD CONSTRAINT "hall_plans_room_id_rooms_id_fk" FOREIGN KEY ("room_id") REFERENCES "public"."rooms"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hall_reserved_rows" ADD CONSTRAINT "hall_reserved_rows_plan_id_hall_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."hall_plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hall_seats" ADD CONSTRAINT "hall_seats_plan_id_hall_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."hall_plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "hall_seats" ADD CONSTRAINT "hall_seats_registration_id_registrations_id_fk" FOREIGN KEY ("registration_id") REFERENCES "public"."registrations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "protocol_entries" ADD CONSTRAINT "protocol_entries_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "protocol_entries" ADD CONSTRAINT "protocol_entries_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "protocol_entries" ADD CONSTRAINT "protocol_entries_registration_id_registrations_id_fk" FOREIGN KEY ("registration_id") REFERENCES "public"."registrations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rostrum_plans" ADD CONSTRAINT "rostrum_plans_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rostrum_plans" ADD CONSTRAINT "rostrum_plans_room_id_rooms_id_fk" FOREIGN KEY ("room_id") REFERENCES "public"."rooms"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rostrum_plans" ADD CONSTRAINT "rostrum_plans_session_id_agenda_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."agenda_sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rostrum_seats" ADD CONSTRAINT "rostrum_seats_plan_id_rostrum_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."rostrum_plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rostrum_seats" ADD CONSTRAINT "rostrum_seats_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rostrum_seats" ADD CONSTRAINT "rostrum_seats_registration_id_registrations_id_fk" FOREIGN KEY ("registration_id") REFERENCES "public"."registrations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "seating_prints" ADD CONSTRAINT "seating_prints_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "rooms_event_name_unique" ON "rooms" USING btree ("event_id",lower("name"));--> statement-breakpoint
CREATE INDEX "rooms_event_idx" ON "rooms" USING btree ("event_id","order");--> statement-breakpoint
CREATE UNIQUE INDEX "dining_seats_person_unique" ON "dining_seats" USING btree ("event_id","person_id");--> statement-breakpoint
CREATE UNIQUE INDEX "dining_seats_registration_unique" ON "dining_seats" USING btree ("event_id","registration_id");--> statement-breakpoint
CREATE UNIQUE INDEX "dining_tables_event_number_unique" ON "dining_tables" USING btree ("event_id","number");--> statement-breakpoint
CREATE UNIQUE INDEX "hall_plans_event_unique" ON "hall_plans" USING btree ("event_id");--> statement-breakpoint
CREATE UNIQUE INDEX "hall_seats_registration_unique" ON "hall_seats" USING btree ("plan_id","registration_id");--> statement-breakpoint
CREATE UNIQUE INDEX "protocol_entries_event_person_unique" ON "protocol_entries" USING btree ("event_id","person_id");--> statement-breakpoint
CREATE UNIQUE INDEX "protocol_entries_event_registration_unique" ON "protocol_entries" USING btree ("event_id","registration_id");--> statement-breakpoint
CREATE INDEX "protocol_entries_event_position_idx" ON "protocol_entries" USING btree ("event_id","position");--> statement-breakpoint
CREATE INDEX "protocol_entries_registration_idx" ON "protocol_entries" USING btree ("registration_id");--> statement-breakpoint
CREATE UNIQUE INDEX "rostrum_seats_person_unique" ON "rostrum_seats" USING btree ("plan_id","person_id");--> statement-breakpoint
CREATE UNIQUE INDEX "rostrum_seats_registration_unique" ON "rostrum_seats" USING btree ("plan_id","registration_id");--> statement-breakpoint
ALTER TABLE "agenda_sessions" ADD CONSTRAINT "agenda_sessions_room_id_rooms_id_fk" FOREIGN KEY ("room_id") REFERENCES "public"."rooms"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "agenda_sessions_room_idx" ON "agenda_sessions" USING btree ("room_id");
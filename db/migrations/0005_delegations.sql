CREATE TYPE "public"."outbox_channel" AS ENUM('email', 'sms');--> statement-breakpoint
CREATE TYPE "public"."accommodation_kind" AS ENUM('none', 'single', 'shared');--> statement-breakpoint
CREATE TYPE "public"."delegate_gender" AS ENUM('male', 'female');--> statement-breakpoint
CREATE TYPE "public"."delegate_rank" AS ENUM('provincial', 'bureau', 'county', 'township', 'other');--> statement-breakpoint
CREATE TYPE "public"."delegation_status" AS ENUM('invited', 'replied', 'closed');--> statement-breakpoint
ALTER TYPE "public"."registration_source" ADD VALUE 'delegation';--> statement-breakpoint
CREATE TABLE "delegates" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"delegation_id" uuid NOT NULL,
	"registration_id" uuid NOT NULL,
	"gender" "delegate_gender",
	"rank" "delegate_rank" DEFAULT 'other' NOT NULL,
	"order_in_unit" integer,
	"diet" text,
	"ethnicity" text,
	"site_visit" boolean DEFAULT false NOT NULL,
	"arrival" jsonb,
	"departure" jsonb,
	"accommodation" "accommodation_kind" DEFAULT 'none' NOT NULL,
	"note" text,
	"replaced_by_id" uuid,
	"replaced_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "delegates_order_positive" CHECK ("delegates"."order_in_unit" IS NULL OR "delegates"."order_in_unit" >= 1)
);
--> statement-breakpoint
CREATE TABLE "delegations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"event_id" uuid NOT NULL,
	"organization_id" uuid NOT NULL,
	"quota" integer NOT NULL,
	"liaison_name" text NOT NULL,
	"liaison_phone" text NOT NULL,
	"liaison_email" text,
	"reply_by" timestamp with time zone NOT NULL,
	"note" text,
	"status" "delegation_status" DEFAULT 'invited' NOT NULL,
	"reply_token" text NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"released_at" timestamp with time zone,
	"last_change_at" timestamp with time zone,
	"draft" jsonb,
	"reminded_at" timestamp with time zone,
	"link_sent_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "delegations_quota_positive" CHECK ("delegations"."quota" >= 1),
	CONSTRAINT "delegations_reply_token_length" CHECK (length("delegations"."reply_token") >= 22)
);
--> statement-breakpoint
ALTER TABLE "outbox" ALTER COLUMN "to_email" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "events" ADD COLUMN "delegation_reply_by" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "outbox" ADD COLUMN "channel" "outbox_channel" DEFAULT 'email' NOT NULL;--> statement-breakpoint
ALTER TABLE "outbox" ADD COLUMN "to_phone" text;--> statement-breakpoint
ALTER TABLE "delegates" ADD CONSTRAINT "delegates_delegation_id_delegations_id_fk" FOREIGN KEY ("delegation_id") REFERENCES "public"."delegations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "delegates" ADD CONSTRAINT "delegates_registration_id_registrations_id_fk" FOREIGN KEY ("registration_id") REFERENCES "public"."registrations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "delegates" ADD CONSTRAINT "delegates_replaced_by_id_delegates_id_fk" FOREIGN KEY ("replaced_by_id") REFERENCES "public"."delegates"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "delegations" ADD CONSTRAINT "delegations_event_id_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "delegations" ADD CONSTRAINT "delegations_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "delegates_registration_unique" ON "delegates" USING btree ("registration_id");--> statement-breakpoint
CREATE INDEX "delegates_delegation_idx" ON "delegates" USING btree ("delegation_id");--> statement-breakpoint
CREATE UNIQUE INDEX "delegations_reply_token_unique" ON "delegations" USING btree ("reply_token");--> statement-breakpoint
CREATE UNIQUE INDEX "delegations_event_org_unique" ON "delegations" USING btree ("event_id","organization_id");--> statement-breakpoint
CREATE INDEX "delegations_event_order_idx" ON "delegations" USING btree ("event_id","sort_order");--> statement-breakpoint
CREATE INDEX "delegations_reply_by_idx" ON "delegations" USING btree ("reply_by");--> statement-breakpoint
ALTER TABLE "outbox" ADD CONSTRAINT "outbox_recipient" CHECK (("outbox"."channel" = 'email' AND "outbox"."to_email" IS NOT NULL) OR ("outbox"."channel" = 'sms' AND "outbox"."to_phone" IS NOT NULL));
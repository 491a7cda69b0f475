-- The public content version (lib/cache/page-cache.ts): bumped by triggers on every write to a table that public
-- pages show, so no command can forget to invalidate the page cache and every instance sharing the database sees
-- the change. A sequence, not a counter row: nextval never blocks and takes no row lock, so it cannot serialise or
-- deadlock concurrent writers (a rolled-back write still bumps it, which only costs one extra re-render).
CREATE SEQUENCE IF NOT EXISTS "huiwu_public_version";
--> statement-breakpoint
CREATE OR REPLACE FUNCTION huiwu_bump_public_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM nextval('huiwu_public_version');
  RETURN NULL;
END;
$$;
--> statement-breakpoint
DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['events','event_organizations','organizations','people','person_positions','agenda_sessions',
    'session_speakers','site_visit_stops','buses','registrations','registration_questions','reports','report_sections',
    'report_figures','report_media']
  LOOP
    EXECUTE format('CREATE TRIGGER %I AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON %I FOR EACH STATEMENT EXECUTE FUNCTION huiwu_bump_public_version()', t || '_bump_public_version', t);
  END LOOP;
END;
$$;

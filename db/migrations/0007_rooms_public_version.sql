-- Rooms show on the public agenda (a session's room), so writes to them bump the public content version like the
-- other public tables (0002_public_version_triggers.sql). Seating plans are not public: no trigger.
CREATE TRIGGER "rooms_bump_public_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "rooms" FOR EACH STATEMENT EXECUTE FUNCTION huiwu_bump_public_version();

ALTER TABLE "users" ADD COLUMN "auth_version" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
-- What a bearer token stands for changed: the in-memory token cache (lib/auth/token-cache.ts) of every instance
-- re-reads users.auth_version at most every AUTH_CACHE_RECHECK_MS and drops its entries for a user whose version moved.
-- Bumped in the writing transaction (a row, not a sequence), so a cache that read the old version before the commit
-- also read the old token state, and sees the new version on its next check.
CREATE FUNCTION huiwu_bump_auth_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'INSERT' THEN
    UPDATE users SET auth_version = auth_version + 1 WHERE id = OLD.user_id;
  END IF;
  IF TG_OP <> 'DELETE' AND (TG_OP = 'INSERT' OR NEW.user_id IS DISTINCT FROM OLD.user_id) THEN
    UPDATE users SET auth_version = auth_version + 1 WHERE id = NEW.user_id;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER "api_tokens_bump_auth_version" AFTER UPDATE OF "revoked_at", "expires_at", "user_id", "token_hash" OR DELETE ON "api_tokens" FOR EACH ROW EXECUTE FUNCTION huiwu_bump_auth_version();
--> statement-breakpoint
CREATE TRIGGER "event_staff_bump_auth_version" AFTER INSERT OR UPDATE OR DELETE ON "event_staff" FOR EACH ROW EXECUTE FUNCTION huiwu_bump_auth_version();
--> statement-breakpoint
CREATE FUNCTION huiwu_users_auth_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.site_role IS DISTINCT FROM OLD.site_role OR NEW.disabled_at IS DISTINCT FROM OLD.disabled_at
     OR NEW.name IS DISTINCT FROM OLD.name OR NEW.email IS DISTINCT FROM OLD.email THEN
    NEW.auth_version := OLD.auth_version + 1;
  END IF;
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER "users_auth_version" BEFORE UPDATE ON "users" FOR EACH ROW EXECUTE FUNCTION huiwu_users_auth_version();

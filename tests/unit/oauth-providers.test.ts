/** OAuth / OIDC providers are off unless configured by env vars. */
import { describe, expect, it } from "vitest";
import { oauthProviders } from "@/lib/auth/auth";

const ids = (env: Record<string, string>) => oauthProviders(env).map((p) => (typeof p === "function" ? p() : p).id);

describe("oauthProviders", () => {
  it("none by default", () => expect(ids({})).toEqual([]));
  it("GitHub needs both id and secret", () => {
    expect(ids({ AUTH_GITHUB_ID: "x" })).toEqual([]);
    expect(ids({ AUTH_GITHUB_ID: "x", AUTH_GITHUB_SECRET: "y" })).toEqual(["github"]);
  });
  it("generic OIDC needs issuer, id and secret", () => {
    expect(ids({ AUTH_OIDC_ISSUER: "https://id.example.cn", AUTH_OIDC_ID: "x" })).toEqual([]);
    expect(ids({ AUTH_OIDC_ISSUER: "https://id.example.cn", AUTH_OIDC_ID: "x", AUTH_OIDC_SECRET: "y" })).toEqual(["oidc"]);
  });
});

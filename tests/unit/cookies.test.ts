/** lib/http/cookies.ts: the Cookie header as the page cache, the back end and server code read it (as Next's cookies() does). */
import { describe, expect, it } from "vitest";
import { cookieOf, parseCookies } from "@/lib/http/cookies";

describe("Cookie header", () => {
  it("parses every cookie; a repeated name keeps the last; values may hold '='", () => {
    expect(parseCookies("a=1; b=x=y;c=3 ;  NEXT_LOCALE=zh-CN; a=2")).toEqual({ a: "2", b: "x=y", c: "3", NEXT_LOCALE: "zh-CN" });
    expect(parseCookies(undefined)).toEqual({});
    expect(parseCookies("novalue; =x")).toEqual({});
  });

  it("one cookie, URL-decoded (a malformed escape stays as sent); undefined when absent", () => {
    expect(cookieOf("authjs.session-token=abc.def; NEXT_LOCALE=en", "authjs.session-token")).toBe("abc.def");
    expect(cookieOf("n=%E4%BC%9A%E5%8A%A1", "n")).toBe("会务");
    expect(cookieOf("n=%E4%BC", "n")).toBe("%E4%BC");
    expect(cookieOf("__Secure-authjs.session-token=x", "authjs.session-token")).toBeUndefined();
    expect(cookieOf(null, "n")).toBeUndefined();
  });
});

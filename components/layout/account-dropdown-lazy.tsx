"use client";
/**
 * The account menu, loaded only where someone is signed in: the root layout imports the header's account area on
 * every page, and a static import would put Radix DropdownMenu (~34 KB gzipped) into every public page's scripts,
 * though an anonymous visitor — every cached page — never renders it (issue 15). Rendered on the server as before;
 * the browser fetches its chunk only when the menu is on the page.
 */
import dynamic from "next/dynamic";

export const AccountDropdown = dynamic(() => import("./account-dropdown").then((m) => m.AccountDropdown));

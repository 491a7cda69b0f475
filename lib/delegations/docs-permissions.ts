/**
 * Who may do what with the delegation documents (notice, roster, pickup schedule, hotels): organizers edit, staff
 * read and print. One place, so the pages, print routes and actions cannot disagree.
 */
import type { Permission } from "@/lib/auth/permissions";

export const DOCS_READ: Permission = "registration.read";
export const DOCS_EDIT: Permission = "registration.manage";

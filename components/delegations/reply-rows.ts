/**
 * One row of the liaison's reply slip as the form edits it (strings, as inputs hold them). A plain module, not a
 * client one: the reply page (a server component) builds the initial rows with `emptyRow`, and a function exported
 * by a "use client" module cannot be called on the server.
 */
export type ReplyRow = {
  key: string;
  /** The current delegate this row is (kept) — or, with `replaces`, the one it replaces. */
  id?: string;
  replaces?: string;
  replacingName?: string;
  name: string;
  gender: string;
  position: string;
  rank: string;
  orderInUnit: string;
  phone: string;
  email: string;
  siteVisit: boolean;
  diet: string;
  ethnicity: string;
  arrivalAt: string;
  arrivalBy: string;
  arrivalNumber: string;
  arrivalStation: string;
  departureAt: string;
  departureBy: string;
  departureNumber: string;
  departureStation: string;
  accommodation: string;
  note: string;
};

export const emptyRow = (key: string): ReplyRow => ({
  key,
  name: "",
  gender: "",
  position: "",
  rank: "other",
  orderInUnit: "",
  phone: "",
  email: "",
  siteVisit: false,
  diet: "",
  ethnicity: "",
  arrivalAt: "",
  arrivalBy: "train",
  arrivalNumber: "",
  arrivalStation: "",
  departureAt: "",
  departureBy: "train",
  departureNumber: "",
  departureStation: "",
  accommodation: "none",
  note: "",
});

/** 级别 protocol rank, most senior first (issue 10/11). Labels: messages key `shared.rank.<code>`. */
export const RANKS = ["provincial", "bureau", "county", "township", "other"] as const;
export type Rank = (typeof RANKS)[number];

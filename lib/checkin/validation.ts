import { z } from "zod";

/** A check-in segment: "event" (the whole forum) or a segment name such as site_visit / symposium. */
export const segmentSchema = z
  .string()
  .trim()
  .regex(/^[a-z0-9][a-z0-9_-]{0,39}$/, "errors.unknownSegment");

/** What the desk (or the API) sends: a ticket code from the QR or typed by hand. */
export const checkInByCodeSchema = z.object({
  ticketCode: z.string().trim().min(1, "errors.enterTicketCode").max(200),
  /** Omitted: the segment in progress (see defaultSegment). */
  segment: segmentSchema.optional(),
});

export const checkInSchema = z
  .object({
    eventId: z.uuid(),
    ticketCode: z.string().trim().max(200).optional(),
    registrationId: z.uuid().optional(),
    segment: segmentSchema.default("event"),
  })
  .refine((v) => Boolean(v.ticketCode) || Boolean(v.registrationId), { message: "errors.enterTicketCode", path: ["ticketCode"] });

export const undoCheckInSchema = z.object({ eventId: z.uuid(), registrationId: z.uuid(), segment: segmentSchema.default("event") });

export const deskSearchSchema = z.object({ eventId: z.uuid(), q: z.string().trim().min(1).max(100) });

export type CheckInInput = z.infer<typeof checkInSchema>;
export type UndoCheckInInput = z.infer<typeof undoCheckInSchema>;

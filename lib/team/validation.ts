/** Input of the team tab (团队): invite by email, change a role, remove a member, revoke or accept an invitation. */
import { z } from "zod";
import { signUpSchema } from "@/lib/accounts/validation";
import { emailSchema } from "@/lib/auth/email";
import { EVENT_STAFF_ROLES } from "@/lib/shared/enums";

const role = z.enum(EVENT_STAFF_ROLES);

export const inviteSchema = z.object({ eventId: z.uuid(), email: emailSchema, role });
export const changeRoleSchema = z.object({ eventId: z.uuid(), userId: z.uuid(), role });
export const removeMemberSchema = z.object({ eventId: z.uuid(), userId: z.uuid() });
export const revokeInvitationSchema = z.object({ eventId: z.uuid(), invitationId: z.uuid() });

/** The token in an invitation link: 43 base64url characters (256 bits). */
export const invitationTokenSchema = z.string().regex(/^[A-Za-z0-9_-]{43}$/);

export const acceptInvitationSchema = z.object({ token: invitationTokenSchema });
/** A newcomer accepting: the account is created for the invited address (the email comes from the invitation). */
export const acceptWithSignUpSchema = signUpSchema.omit({ email: true }).extend({ token: invitationTokenSchema });

export type InviteInput = z.infer<typeof inviteSchema>;
export type AcceptWithSignUpInput = z.infer<typeof acceptWithSignUpSchema>;

"use server";
/**
 * Server actions of the team tab (团队). Guarded by the action family: "event.staff.manage" on the forum named in
 * the input (organizers of that forum, admins). Accepting an invitation: the signed-in invitee ("profile.edit",
 * any signed-in user — the command checks the address), or a newcomer (public: the 256-bit link is the credential).
 */
import { eventAction, publicAction, userAction } from "@/lib/actions/define";
import { signIn } from "@/lib/auth/auth";
import { clientIp } from "@/lib/auth/request-info";
import { requestLocale } from "@/lib/i18n/request";
import { acceptInvitation, acceptInvitationWithSignUp, changeMemberRole, inviteMember, removeMember, revokeInvitation } from "./commands";
import { acceptInvitationSchema, acceptWithSignUpSchema, changeRoleSchema, inviteSchema, removeMemberSchema, revokeInvitationSchema } from "./validation";

const TEAM = { revalidate: { path: "/admin", type: "layout" as const } };

export const inviteMemberAction = eventAction("event.staff.manage", inviteSchema, async ({ db, actor, input }) => inviteMember(db, actor, input, await requestLocale()), TEAM);

export const changeMemberRoleAction = eventAction("event.staff.manage", changeRoleSchema, ({ db, actor, input }) => changeMemberRole(db, actor, input), TEAM);

export const removeMemberAction = eventAction("event.staff.manage", removeMemberSchema, ({ db, actor, input }) => removeMember(db, actor, input), TEAM);

export const revokeInvitationAction = eventAction("event.staff.manage", revokeInvitationSchema, ({ db, actor, input }) => revokeInvitation(db, actor, input), TEAM);

export const acceptInvitationAction = userAction("profile.edit", acceptInvitationSchema, ({ db, actor, input }) => acceptInvitation(db, actor, input.token), TEAM);

export const acceptInvitationWithSignUpAction = publicAction(
  "a newcomer has no account yet: the unguessable, expiring, single-use invitation link is the credential",
  acceptWithSignUpSchema,
  async ({ db, input }) => {
    const done = await acceptInvitationWithSignUp(db, { ...input, locale: input.locale ?? (await requestLocale()) }, await clientIp());
    // Sign the newcomer in with the password just chosen; if that fails (e.g. throttled) the account and role exist
    // and the page sends them to sign in.
    const signedIn = await signIn("credentials", { email: done.email, password: input.password, redirect: false }).then(
      () => true,
      () => false,
    );
    return { slug: done.slug, signedIn };
  },
);

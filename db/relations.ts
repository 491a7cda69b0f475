/** All relations in one place (DESIGN §2), for Drizzle's relational queries (`db.query.*`). */
import { relations } from "drizzle-orm";
import { agendaSessions, buses, sessionSpeakers, siteVisitStops } from "./schema/agenda";
import { apiTokens, users } from "./schema/auth";
import { delegates, delegations } from "./schema/delegations";
import { eventOrganizations, events, eventStaff, registrationQuestions } from "./schema/events";
import { organizations } from "./schema/organizations";
import { people, personPositions } from "./schema/people";
import { agendaSelections, checkins, registrations } from "./schema/registrations";
import { reportFigures, reportMedia, reportRevisions, reports, reportSections } from "./schema/reports";
import { media } from "./schema/storage";
import { rooms } from "./schema/venues";

export const usersRelations = relations(users, ({ many }) => ({
  apiTokens: many(apiTokens),
  eventStaff: many(eventStaff),
  registrations: many(registrations),
}));

export const apiTokensRelations = relations(apiTokens, ({ one }) => ({
  user: one(users, { fields: [apiTokens.userId], references: [users.id] }),
}));

export const organizationsRelations = relations(organizations, ({ many }) => ({
  events: many(eventOrganizations),
  delegations: many(delegations),
}));

export const eventsRelations = relations(events, ({ many }) => ({
  hosts: many(eventOrganizations),
  staff: many(eventStaff),
  sessions: many(agendaSessions),
  rooms: many(rooms),
  buses: many(buses),
  questions: many(registrationQuestions),
  registrations: many(registrations),
  reports: many(reports),
  delegations: many(delegations),
}));

export const eventOrganizationsRelations = relations(eventOrganizations, ({ one }) => ({
  event: one(events, { fields: [eventOrganizations.eventId], references: [events.id] }),
  organization: one(organizations, { fields: [eventOrganizations.organizationId], references: [organizations.id] }),
}));

export const eventStaffRelations = relations(eventStaff, ({ one }) => ({
  event: one(events, { fields: [eventStaff.eventId], references: [events.id] }),
  user: one(users, { fields: [eventStaff.userId], references: [users.id] }),
}));

export const registrationQuestionsRelations = relations(registrationQuestions, ({ one }) => ({
  event: one(events, { fields: [registrationQuestions.eventId], references: [events.id] }),
}));

export const peopleRelations = relations(people, ({ many, one }) => ({
  positions: many(personPositions),
  sessions: many(sessionSpeakers),
  photo: one(media, { fields: [people.photoMediaId], references: [media.id] }),
}));

export const personPositionsRelations = relations(personPositions, ({ one }) => ({
  person: one(people, { fields: [personPositions.personId], references: [people.id] }),
  org: one(organizations, { fields: [personPositions.organizationId], references: [organizations.id] }),
}));

export const agendaSessionsRelations = relations(agendaSessions, ({ one, many }) => ({
  event: one(events, { fields: [agendaSessions.eventId], references: [events.id] }),
  room: one(rooms, { fields: [agendaSessions.roomId], references: [rooms.id] }),
  speakers: many(sessionSpeakers),
  stops: many(siteVisitStops),
  buses: many(buses),
}));

export const sessionSpeakersRelations = relations(sessionSpeakers, ({ one }) => ({
  session: one(agendaSessions, { fields: [sessionSpeakers.sessionId], references: [agendaSessions.id] }),
  person: one(people, { fields: [sessionSpeakers.personId], references: [people.id] }),
}));

export const siteVisitStopsRelations = relations(siteVisitStops, ({ one }) => ({
  session: one(agendaSessions, { fields: [siteVisitStops.sessionId], references: [agendaSessions.id] }),
}));

export const busesRelations = relations(buses, ({ one, many }) => ({
  event: one(events, { fields: [buses.eventId], references: [events.id] }),
  session: one(agendaSessions, { fields: [buses.sessionId], references: [agendaSessions.id] }),
  registrations: many(registrations),
}));

export const registrationsRelations = relations(registrations, ({ one, many }) => ({
  event: one(events, { fields: [registrations.eventId], references: [events.id] }),
  user: one(users, { fields: [registrations.userId], references: [users.id] }),
  bus: one(buses, { fields: [registrations.busId], references: [buses.id] }),
  checkins: many(checkins),
  delegate: one(delegates, { fields: [registrations.id], references: [delegates.registrationId] }),
}));

export const delegationsRelations = relations(delegations, ({ one, many }) => ({
  event: one(events, { fields: [delegations.eventId], references: [events.id] }),
  organization: one(organizations, { fields: [delegations.organizationId], references: [organizations.id] }),
  delegates: many(delegates),
}));

export const delegatesRelations = relations(delegates, ({ one }) => ({
  delegation: one(delegations, { fields: [delegates.delegationId], references: [delegations.id] }),
  registration: one(registrations, { fields: [delegates.registrationId], references: [registrations.id] }),
  replacedBy: one(delegates, { fields: [delegates.replacedById], references: [delegates.id], relationName: "replacement" }),
}));

export const checkinsRelations = relations(checkins, ({ one }) => ({
  registration: one(registrations, { fields: [checkins.registrationId], references: [registrations.id] }),
}));

export const agendaSelectionsRelations = relations(agendaSelections, ({ one }) => ({
  user: one(users, { fields: [agendaSelections.userId], references: [users.id] }),
  session: one(agendaSessions, { fields: [agendaSelections.sessionId], references: [agendaSessions.id] }),
}));

export const reportsRelations = relations(reports, ({ one, many }) => ({
  event: one(events, { fields: [reports.eventId], references: [events.id] }),
  sections: many(reportSections),
  figures: many(reportFigures),
  media: many(reportMedia),
  revisions: many(reportRevisions),
}));

export const reportSectionsRelations = relations(reportSections, ({ one }) => ({
  report: one(reports, { fields: [reportSections.reportId], references: [reports.id] }),
}));

export const reportFiguresRelations = relations(reportFigures, ({ one }) => ({
  report: one(reports, { fields: [reportFigures.reportId], references: [reports.id] }),
}));

export const reportMediaRelations = relations(reportMedia, ({ one }) => ({
  report: one(reports, { fields: [reportMedia.reportId], references: [reports.id] }),
  media: one(media, { fields: [reportMedia.mediaId], references: [media.id] }),
}));

export const reportRevisionsRelations = relations(reportRevisions, ({ one }) => ({
  report: one(reports, { fields: [reportRevisions.reportId], references: [reports.id] }),
}));

export const roomsRelations = relations(rooms, ({ one, many }) => ({
  event: one(events, { fields: [rooms.eventId], references: [events.id] }),
  sessions: many(agendaSessions),
}));

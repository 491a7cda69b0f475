"use client";
/**
 * Create / edit a forum's details. Times are typed as wall time in the forum's zone. Every public text has its
 * English field beside it (English is offered when the English title is filled in; the publish checklist says what
 * is still missing).
 */
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { createEventAction, updateEventAction } from "@/lib/events/actions";
import { TextAreaField, TextField } from "@/components/ui/field";
import { formObject, SubmitButton } from "@/components/ui/form";
import { TimeZoneField } from "./time-zone-field";
import { useAct } from "./use-action";

export type EventFormValues = {
  title: string;
  titleEn: string;
  summary: string;
  summaryEn: string;
  audience: string;
  audienceEn: string;
  startsAt: string;
  endsAt: string;
  timezone: string;
  venueName: string;
  venueNameEn: string;
  venueAddress: string;
  venueAddressEn: string;
  city: string;
  cityEn: string;
};

export function EventForm({ eventId, initial }: { eventId?: string; initial: EventFormValues }) {
  const t = useTranslations("admin.form");
  const tt = useTranslations("admin.toast");
  const router = useRouter();
  const { act, pending, err } = useAct();
  return (
    <form
      data-testid="event-form"
      className="space-y-4"
      onSubmit={(e) => {
        e.preventDefault();
        const data = formObject(e.currentTarget);
        if (eventId) void act(() => updateEventAction({ ...data, eventId }), { success: tt("saved") });
        else
          void act(() => createEventAction(data), {
            success: tt("created"),
            refresh: false,
            onOk: (d) => d && router.push(`/admin/events/${d.slug}`),
          });
      }}
    >
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField label={t("title")} name="title" defaultValue={initial.title} error={err("title")} required className="sm:col-span-2" />
        <TextField label={t("titleEn")} name="titleEn" defaultValue={initial.titleEn} error={err("titleEn")} hint={t("titleEnHint")} optional className="sm:col-span-2" />
        <TextField label={t("startsAt")} name="startsAt" type="datetime-local" defaultValue={initial.startsAt} error={err("startsAt")} required />
        <TextField label={t("endsAt")} name="endsAt" type="datetime-local" defaultValue={initial.endsAt} error={err("endsAt")} required />
        <TimeZoneField label={t("timezone")} defaultValue={initial.timezone} error={err("timezone")} />
        {!eventId ? <TextField label={t("slug")} name="slug" error={err("slug")} hint={t("slugHint")} optional /> : <div className="hidden sm:block" />}
        <TextField label={t("city")} name="city" defaultValue={initial.city} error={err("city")} optional />
        <TextField label={t("cityEn")} name="cityEn" defaultValue={initial.cityEn} error={err("cityEn")} optional />
        <TextField label={t("venueName")} name="venueName" defaultValue={initial.venueName} error={err("venueName")} optional />
        <TextField label={t("venueNameEn")} name="venueNameEn" defaultValue={initial.venueNameEn} error={err("venueNameEn")} optional />
        <TextField label={t("venueAddress")} name="venueAddress" defaultValue={initial.venueAddress} error={err("venueAddress")} optional />
        <TextField label={t("venueAddressEn")} name="venueAddressEn" defaultValue={initial.venueAddressEn} error={err("venueAddressEn")} optional />
        <TextAreaField label={t("summary")} name="summary" defaultValue={initial.summary} error={err("summary")} rows={4} optional className="sm:col-span-2" />
        <TextAreaField label={t("summaryEn")} name="summaryEn" defaultValue={initial.summaryEn} error={err("summaryEn")} rows={3} optional className="sm:col-span-2" />
        <TextField label={t("audience")} name="audience" defaultValue={initial.audience} error={err("audience")} optional />
        <TextField label={t("audienceEn")} name="audienceEn" defaultValue={initial.audienceEn} error={err("audienceEn")} optional />
      </div>
      <div className="flex justify-end">
        <SubmitButton busy={pending} pendingLabel={t("saving")} testId="event-form-submit">
          {eventId ? t("save") : t("create")}
        </SubmitButton>
      </div>
    </form>
  );
}

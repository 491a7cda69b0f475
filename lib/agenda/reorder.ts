/**
 * Moving a session up or down the day swaps the two sessions' places in time: the moved one takes the earlier
 * slot's start, the other follows after the same gap there was between them; both keep their durations. Pure.
 */
type Slot = { startsAt: Date; endsAt: Date };

export function swapSlots(first: Slot, second: Slot): { first: Slot; second: Slot } {
  const gap = Math.max(0, second.startsAt.getTime() - first.endsAt.getTime());
  const dSecond = second.endsAt.getTime() - second.startsAt.getTime();
  const dFirst = first.endsAt.getTime() - first.startsAt.getTime();
  const newSecondStart = first.startsAt.getTime();
  const newSecondEnd = newSecondStart + dSecond;
  const newFirstStart = newSecondEnd + gap;
  return {
    second: { startsAt: new Date(newSecondStart), endsAt: new Date(newSecondEnd) },
    first: { startsAt: new Date(newFirstStart), endsAt: new Date(newFirstStart + dFirst) },
  };
}

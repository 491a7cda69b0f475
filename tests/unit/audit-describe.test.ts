import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import { describeAction, describeChanges } from "@/lib/audit/describe";
import { messagesFor } from "@/lib/i18n/messages";

const t = (locale: "zh-CN" | "en") => createTranslator({ locale, messages: messagesFor(locale), namespace: "audit" }) as never;
const shanghai = (d: Date) => new Intl.DateTimeFormat("zh-CN", { timeZone: "Asia/Shanghai", dateStyle: "short", timeStyle: "short" }).format(d);

describe("the audit log in words", () => {
  it("describes action codes in the reader's language, falling back to the code", () => {
    expect(describeAction(t("zh-CN"), "report.publish")).toBe("发布会后报道");
    expect(describeAction(t("en"), "checkin.perform")).toBe("Checked in");
    expect(describeAction(t("zh-CN"), "event.staff.grant")).toBe("设置团队角色");
    expect(describeAction(t("zh-CN"), "something.new")).toBe("something.new");
  });

  it("shows changes as labelled before → after with translated values and local times; unchanged fields left out", () => {
    const c = describeChanges(
      t("zh-CN"),
      { status: "draft", version: 1, title: "同一标题", startsAt: "2025-09-05T01:00:00.000Z" },
      { status: "published", version: 2, title: "同一标题", startsAt: "2025-09-05T02:00:00.000Z", role: "staff" },
      shanghai,
    );
    expect(c).toEqual([
      { field: "状态", before: "草稿", after: "已发布" },
      { field: "版本", before: "1", after: "2" },
      { field: "开始", before: shanghai(new Date("2025-09-05T01:00:00Z")), after: shanghai(new Date("2025-09-05T02:00:00Z")) },
      { field: "角色", before: null, after: "工作人员" },
    ]);
    expect(c[2]!.after).toContain("10:00");
    expect(describeChanges(t("en"), { disabled: false }, { disabled: true }, shanghai)).toEqual([{ field: "Disabled", before: "no", after: "yes" }]);
  });
});

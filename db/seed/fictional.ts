/**
 * Building blocks of the seed's fictional people (demo delegates, liaisons): a deterministic PRNG so every fresh
 * database gets the same people, Chinese names that never take a real name from the article, mobile numbers in the
 * 139xxxxxxxx style, and unguessable codes (the only random part: tickets and reply links must not be guessable).
 */
import { randomBytes } from "node:crypto";

/** mulberry32: a tiny deterministic PRNG, so every fresh database gets the same delegates. */
export function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
export type Rand = ReturnType<typeof prng>;

export const SURNAMES =
  "王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程魏苏吕丁任沈姚卢傅钟姜崔谭廖范汪陆金石贾韦夏邱方侯邹熊孟秦白江薛尹段雷黎史龙陶贺顾毛郝龚邵万钱严覃武";
export const GIVEN =
  "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉萍红娥玲兰凤洁梅琳素云莲真环雪荣爱妹霞香月莺媛瑞凡佳嘉琼勤珍贞莉桂娣叶璧璐娅琦晶妍茜秋珊莎锦黛青倩婷姣婉娴瑾颖露瑶怡婵雁蓓纨仪荷丹蓉眉君琴蕊薇菁梦岚苑婕馨瑗琰韵融园艺咏卿聪澜纯毓悦昭冰爽琬茗羽希宁欣飘育滢馥筠柔竹霭凝晓欢霄枫芸菲寒伊亚宜可姬舒影思帆宇浩然博文轩睿智勋鹏飞志远德兴建国立新海涛斌亮";
/** Real people named in the article; generated people never take these names. */
export const RESERVED_NAMES = new Set(["唐利民", "赵德本", "戴宇", "陈军", "范恒山", "李后强", "鲁荣东", "唐雄兴", "邓柯"]);

export const pickOf = (rand: Rand) => <T,>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)];

/** A new fictional name on every call, never one in `used` (which it extends). */
export function nameMaker(rand: Rand, used: Set<string> = new Set()) {
  const pick = pickOf(rand);
  const chars = Array.from(GIVEN);
  const surnames = Array.from(SURNAMES);
  for (const n of RESERVED_NAMES) used.add(n);
  return () => {
    let name = "";
    do name = pick(surnames) + (rand() < 0.6 ? pick(chars) + pick(chars) : pick(chars));
    while (used.has(name));
    used.add(name);
    return name;
  };
}

/** Fictional mainland mobile numbers, 139 followed by 8 digits, unique within one maker. */
export function mobileMaker(rand: Rand) {
  const used = new Set<string>();
  return () => {
    let n = "";
    do n = `139${String(Math.floor(rand() * 1e8)).padStart(8, "0")}`;
    while (used.has(n));
    used.add(n);
    return n;
  };
}

/** A base64url code of 128 random bits (22 characters) — the ticket QR. */
export const ticketCode = () => randomBytes(16).toString("base64url");

/** A liaison's reply link secret: 192 random bits (32 characters), like the app's own. */
export const replyToken = () => randomBytes(24).toString("base64url");

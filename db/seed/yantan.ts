/**
 * The reference forum (DESIGN §1): 产业园区赋能县域经济高质量发展座谈会, 5 September 2025, 自贡市沿滩区, exactly as the
 * news report seed/yantan-forum-2025-article.txt tells it — hosts, the morning site visit and its four stops, the
 * afternoon symposium with its eight named speakers and all their cited positions, ~200 delegates, and the
 * post-event report with its three sections, key figures, byline, photo credit and tags; the invited units
 * (受邀单位) the article's "十多个四川省直部门" and parks stand for are in db/seed/delegations.ts.
 *
 * What the article does NOT say is marked "plausible" below: clock times (it gives only 上午/下午), the afternoon room,
 * stop arrival times, buses, and every registration (generated, clearly fictional demo data).
 *
 * Everything is written in ONE transaction; inside it only `tx` is used (DESIGN §3.3).
 */
import type { Db, Tx } from "../client";
import {
  agendaSessions,
  buses,
  checkins,
  eventOrganizations,
  events,
  organizations,
  people,
  personPositions,
  registrations,
  reportFigures,
  reportRevisions,
  reports,
  reportSections,
  sessionSpeakers,
  siteVisitStops,
  type StopFact,
} from "../schema";
import { seedYantanDelegations, YANTAN_REPLY_BY } from "./delegations";
import { GIVEN, prng, RESERVED_NAMES, SURNAMES, ticketCode } from "./fictional";

export const YANTAN_SLUG = "yantan-industrial-parks-2025";
export const YANTAN_REPORT_SLUG = "yantan-symposium-report-2025";

export type SeedYantanOptions = { organizerId: string; staffId: string };

// ---------------------------------------------------------------------------------------------------------------
// The article, verbatim (generated from seed/yantan-forum-2025-article.txt; punctuation kept exactly as published,
// including its ASCII commas/parentheses and the typo “延光伏”). Do not retype: regenerate from the file if it changes.
// ---------------------------------------------------------------------------------------------------------------
const ARTICLE = {
  headline: "产业园区赋能县域经济高质量发展座谈会在自贡市沿滩区举行",
  lead: [
    "9月5日,产业园区赋能县域经济高质量发展座谈会在自贡市沿滩区举行。本次会议由四川省人民政府参事室、自贡市人民政府、四川新闻网传媒集团与四川省县域经济学会联合主办,旨在深入贯彻习近平总书记来川视察重要指示精神,全面落实省委、省政府关于加强产业园区高质量发展、大力推进新型工业化、加快现代产业体系建设的决策部署。",
    "省委省政府决咨委、省委政研室等十多个四川省直部门,以及来自全省有关产业园区主要负责人,相关专家学者、企业家等共计200余人齐聚一堂,通过现场考察、经验交流、专家演讲等形式,共商产业园区发展大计,共绘县域经济高质量发展蓝图。",
  ],
  sections: [
    {
      heading: "一次好评满满的实地调研",
      paragraphs: [
        "沿滩区因地处釜溪河畔,滩多且长,房屋沿河滩修建而得名“沿滩”。今天,在这片曾经的滩涂之地,一个14.68平方公里的高新技术产业园区正遇水而兴、御风而行,已成为自贡市工业发展的“主战场”和推动区域经济高质量发展的重要引擎。",
        "9月5日上午,秋高气爽,沿滩区山野间的黄金梨已挂满枝头、硕果累累。沿滩高新技术产业园区,就位于这片青山绿树的掩映之中。",
        "与会代表实地参观考察了园区内的自贡食品产业园、自贡川南新材料化工园区智慧管理中心和消防站、凯盛(自贡)新能源有限公司和中昊晨光(自贡)氟材料有限公司等地。",
        "走进自贡食品产业园,展台上摆上了冷吃兔、麻辣牛肉等各种特色菜肴,色香味俱全的盐帮菜吸引了与会代表的品尝。园区主要发展肉制品、调味品、预制菜等特色产业,目前已签约企业51户,投产30余户。预计到2027年,园区总产值可实现30亿元以上。",
        "凯盛(自贡)新能源有限公司主要生产延光伏原片玻璃、钢化镀膜玻璃等新能源材料。走进公司厂房内,一阵热浪扑面而来,各种自动化、智能化设备正在飞速运行。生产线上,机器人正用巨大的机械手臂吸附起切割好的玻璃,分毫不差地叠放在一起,高度的自动化生产几乎看不到工人的身影。",
        "走进宽敞的自贡川南新材料化工园区智慧管理中心,一块足有数十米的曲面大屏和数台电脑正在对园区重点人员和危化车辆、特殊作业、能源消耗等进行实时监测。“有了这个智慧管理中心,如同给产业园安全配备了一把‘合金’制造的大锁。”中心相关负责人介绍,管控平台由12个功能模块组成,能够全天候、无死角对园区和重点企业进行实时监控。",
        "“沿滩产业园的特色产业定位、高水平配套和优质的营商环境令人印象深刻。”与会代表纷纷表示,沿滩产业园区的发展速度惊人,走出了一条具有县域特色的高质量发展之路,值得学习和借鉴。",
      ],
    },
    {
      heading: "一份含金量十足的实践报告",
      paragraphs: [
        "下午的座谈会上,省县域经济学会会长、省委省政府决咨委副主任、省政府原秘书长唐利民进行了《产业园区赋能县域经济高质量发展自贡市沿滩区实践报告》发布。",
        "报告指出,近年来,自贡沿滩高新技术产业园区实现了从传统园区向现代园区跨越。主要体现在:高质量发展综合质效显著提升,2024年营业收入246.23亿元,增速达20.56%,“一主两辅”产业格局成熟壮大;科技创新与成果转化全面增强,2024年技改投资达13.42亿元,新增发明专利授权26项,技术合同成交额4.68亿;智能化绿色发展水平效益凸显,园区已打造和形成氟硅新材料循环产业链。",
        "报告剖析认为,沿滩高新技术产业园区的成功实践,在于始终将实体经济视为经济发展的核心支撑,通过以链式招商为抓手推动产业集群集聚成势、以绿色转型为底色推动发展模式优化升级等七大路径系统推进产业园区高质量发展,从而实现了从传统工业园区到现代化产业高地的跨越,为我省县域产业园区高质量发展提供了借鉴,为产业园区转型升级贡献了“沿滩智慧”。",
        "会上,自贡市沿滩区人民政府区长赵德本,射洪市委常委、射洪市人民政府常务副市长戴宇,宣汉县委副书记、宣汉县人民政府县长陈军现场进行了经验交流发言。国家低空经济融合创新研究中心专家指导委主任范恒山、省委省政府决咨委副主任李后强、省委省政府决咨委委员鲁荣东三位专家围绕本次座谈会主旨,分别进行了精彩的主题演讲。",
      ],
    },
    {
      heading: "一次媒体推动的智慧赋能",
      paragraphs: [
        "值得注意的是,随着县域经济的蓬勃发展,以四川新闻网传媒集团等为代表的主流媒体,在服务经济主战场中主动担当、积极作为,成为赋能实体经济的“先锋队”。",
        "今年4月,四川新闻网传媒集团牵头搭建了全省首个县域营商环境网络感知系统,主导发布了《四川县域企业发展环境网络感知指数研究报告》,全力推动全省营商环境优化提升。",
        "“我们将充分利用数字技术应用、网络数据感知、智慧平台建设等领域的丰富经验,与园区深度合作,全面推进智慧园区建设。”四川新传媒集团党委副书记、副董事长、总经理唐雄兴在会上表示,集团将全面收集园区在技术、人才、资本、市场等方面的真实需求,链接全省乃至全国的优质资源,打通要素对接的“最后一公里”,确保优质资源切实服务于县域产业的培育与壮大。",
        "产业园区赋能县域经济高质量发展座谈会只是一个开端。接下来,四川新闻网传媒集团将积极与全省产业园区深化战略合作,当好园区品牌的“推广者”,同时开展园区体检、产业链分析、园区招商、特色指数发布等工作,提升园区数据辅助决策水平,推动园区治理现代化,共同打造“智慧传播”示范园区,携手推进产业数据平台建设,全力推动“数智+应用场景”试点。",
      ],
    },
  ],
  /** 川网传媒记者 邓柯 图片由四川省县域经济学会提供 */
  byline: "川网传媒记者 邓柯",
  photoCredit: "图片由四川省县域经济学会提供",
  tags: ["财经", "自贡市", "产业", "自贡", "省政府", "智慧", "省委", "射洪", "传媒", "全省", "集团"],
} as const;

// ---------------------------------------------------------------------------------------------------------------
// Time. The article gives the date (9月5日, 2025 per its 更新时间 2025-09-06) and only 上午 / 下午. The clock times are
// PLAUSIBLE, not reported: site visit 09:00–12:00, symposium 14:30–17:30, both Asia/Shanghai (+08:00).
// ---------------------------------------------------------------------------------------------------------------
const TZ = "Asia/Shanghai";
/** A moment in Asia/Shanghai: at("2025-09-05", "09:00"). */
const at = (day: string, hhmm: string) => new Date(`${day}T${hhmm}:00+08:00`);
const forum = (hhmm: string) => at("2025-09-05", hhmm);

const REGISTRATION_OPENS = at("2025-08-20", "09:00");
const REGISTRATION_CLOSES = at("2025-09-03", "18:00");

// ---------------------------------------------------------------------------------------------------------------
// Organizations: the four co-hosts (联合主办, in the article's order) and the bodies the speakers' positions cite.
// ---------------------------------------------------------------------------------------------------------------
type OrgKind = (typeof organizations.$inferInsert)["kind"];
type OrgSeed = { name: string; nameEn: string; shortName?: string; kind: OrgKind };

const ORGS = {
  counsellors: { name: "四川省人民政府参事室", nameEn: "Counsellors' Office of the Sichuan Provincial People's Government", shortName: "省政府参事室", kind: "government" },
  zigongGov: { name: "自贡市人民政府", nameEn: "Zigong Municipal People's Government", kind: "government" },
  scnMedia: { name: "四川新闻网传媒集团", nameEn: "Sichuan News Network Media Group", shortName: "川网传媒", kind: "media" },
  countySociety: { name: "四川省县域经济学会", nameEn: "Sichuan County Economy Society", shortName: "省县域经济学会", kind: "association" },
  decisionCommittee: {
    name: "四川省委省政府决策咨询委员会",
    nameEn: "Decision-Making Consultation Committee of the Sichuan Provincial Party Committee and Provincial Government",
    shortName: "省委省政府决咨委",
    kind: "government",
  },
  provincialGov: { name: "四川省人民政府", nameEn: "Sichuan Provincial People's Government", shortName: "省政府", kind: "government" },
  yantanGov: { name: "自贡市沿滩区人民政府", nameEn: "People's Government of Yantan District, Zigong", kind: "government" },
  shehongCommittee: { name: "中共射洪市委", nameEn: "CPC Shehong Municipal Committee", shortName: "射洪市委", kind: "government" },
  shehongGov: { name: "射洪市人民政府", nameEn: "Shehong Municipal People's Government", kind: "government" },
  xuanhanCommittee: { name: "中共宣汉县委", nameEn: "CPC Xuanhan County Committee", shortName: "宣汉县委", kind: "government" },
  xuanhanGov: { name: "宣汉县人民政府", nameEn: "Xuanhan County People's Government", kind: "government" },
  lowAltitudeCenter: {
    name: "国家低空经济融合创新研究中心",
    nameEn: "National Low-Altitude Economy Integration and Innovation Research Center",
    kind: "academic",
  },
} as const satisfies Record<string, OrgSeed>;
type OrgKey = keyof typeof ORGS;

/** 联合主办, in the order the article lists them. */
const CO_HOSTS: readonly OrgKey[] = ["counsellors", "zigongGov", "scnMedia", "countySociety"];

// ---------------------------------------------------------------------------------------------------------------
// People: every position the article cites, in the order it cites them (organization + title).
// ---------------------------------------------------------------------------------------------------------------
type PositionSeed = { org: OrgKey | null; organization: string; organizationEn: string; title: string; titleEn: string };
/** `bio`/`bioEn`: only what the article says of the person (their posts and their part in the forum), nothing invented. */
type PersonSeed = { name: string; nameEn: string; bio?: string; bioEn?: string; positions: PositionSeed[] };

const POS = {
  societyPresident: { org: "countySociety", organization: "四川省县域经济学会", organizationEn: ORGS.countySociety.nameEn, title: "会长", titleEn: "President" },
  committeeVice: {
    org: "decisionCommittee",
    organization: "四川省委省政府决策咨询委员会",
    organizationEn: ORGS.decisionCommittee.nameEn,
    title: "副主任",
    titleEn: "Vice Chairman",
  },
} as const satisfies Record<string, PositionSeed>;

const PEOPLE = {
  tangLimin: {
    name: "唐利民",
    nameEn: "Tang Limin",
    bio: "四川省县域经济学会会长，四川省委省政府决策咨询委员会副主任，四川省人民政府原秘书长。\n在产业园区赋能县域经济高质量发展座谈会上发布《产业园区赋能县域经济高质量发展自贡市沿滩区实践报告》。",
    bioEn:
      "President of the Sichuan County Economy Society, Vice Chairman of the Sichuan Decision-Making Consultation Committee and former Secretary-General of the Sichuan Provincial People's Government.\nAt the symposium on industrial parks and county economies he released the Practice Report on Yantan District, Zigong.",
    positions: [
      POS.societyPresident,
      POS.committeeVice,
      { org: "provincialGov", organization: "四川省人民政府", organizationEn: ORGS.provincialGov.nameEn, title: "原秘书长", titleEn: "Former Secretary-General" },
    ],
  },
  zhaoDeben: {
    name: "赵德本",
    nameEn: "Zhao Deben",
    bio: "自贡市沿滩区人民政府区长。在产业园区赋能县域经济高质量发展座谈会上作经验交流发言。",
    positions: [{ org: "yantanGov", organization: "自贡市沿滩区人民政府", organizationEn: ORGS.yantanGov.nameEn, title: "区长", titleEn: "District Mayor" }],
  },
  daiYu: {
    name: "戴宇",
    nameEn: "Dai Yu",
    positions: [
      { org: "shehongCommittee", organization: "中共射洪市委", organizationEn: ORGS.shehongCommittee.nameEn, title: "常委", titleEn: "Member of the Standing Committee" },
      { org: "shehongGov", organization: "射洪市人民政府", organizationEn: ORGS.shehongGov.nameEn, title: "常务副市长", titleEn: "Executive Vice Mayor" },
    ],
  },
  chenJun: {
    name: "陈军",
    nameEn: "Chen Jun",
    positions: [
      { org: "xuanhanCommittee", organization: "中共宣汉县委", organizationEn: ORGS.xuanhanCommittee.nameEn, title: "副书记", titleEn: "Deputy Secretary" },
      { org: "xuanhanGov", organization: "宣汉县人民政府", organizationEn: ORGS.xuanhanGov.nameEn, title: "县长", titleEn: "County Mayor" },
    ],
  },
  fanHengshan: {
    name: "范恒山",
    nameEn: "Fan Hengshan",
    positions: [
      {
        org: "lowAltitudeCenter",
        organization: "国家低空经济融合创新研究中心专家指导委",
        organizationEn: "Expert Steering Committee, National Low-Altitude Economy Integration and Innovation Research Center",
        title: "主任",
        titleEn: "Director",
      },
    ],
  },
  liHouqiang: { name: "李后强", nameEn: "Li Houqiang", positions: [POS.committeeVice] },
  luRongdong: {
    name: "鲁荣东",
    nameEn: "Lu Rongdong",
    positions: [
      { org: "decisionCommittee", organization: "四川省委省政府决策咨询委员会", organizationEn: ORGS.decisionCommittee.nameEn, title: "委员", titleEn: "Member" },
    ],
  },
  // The article writes "四川新传媒集团" here; the cited text is kept as written. It is linked to the 四川新闻网传媒集团 row
  // because the same paragraph has him speak for "集团", the co-host that the rest of the section is about.
  tangXiongxing: {
    name: "唐雄兴",
    nameEn: "Tang Xiongxing",
    positions: [
      { org: "scnMedia", organization: "四川新传媒集团", organizationEn: "Sichuan News Network Media Group", title: "党委副书记", titleEn: "Deputy Party Secretary" },
      { org: "scnMedia", organization: "四川新传媒集团", organizationEn: "Sichuan News Network Media Group", title: "副董事长", titleEn: "Vice Chairman" },
      { org: "scnMedia", organization: "四川新传媒集团", organizationEn: "Sichuan News Network Media Group", title: "总经理", titleEn: "General Manager" },
    ],
  },
} as const satisfies Record<string, PersonSeed>;
type PersonKey = keyof typeof PEOPLE;

const REPORT_TITLE = "产业园区赋能县域经济高质量发展自贡市沿滩区实践报告";
const REPORT_TITLE_EN = "Practice Report on Industrial Parks Empowering High-Quality County Economic Development: Yantan District, Zigong";

// ---------------------------------------------------------------------------------------------------------------
// Agenda. Afternoon room and session lengths are PLAUSIBLE (the article says only 下午的座谈会); the kinds, order,
// speakers and the report are the article's.
// ---------------------------------------------------------------------------------------------------------------
type SessionKind = (typeof agendaSessions.$inferInsert)["kind"];
type SpeakerRole = NonNullable<(typeof sessionSpeakers.$inferInsert)["role"]>;
type SessionSeed = {
  kind: SessionKind;
  title: string;
  titleEn: string;
  description: string;
  descriptionEn: string;
  starts: string;
  ends: string;
  location: string;
  locationEn: string;
  speakers: { person: PersonKey; role: SpeakerRole; topic?: string; topicEn?: string }[];
};

const PARK = "沿滩高新技术产业园区";
const PARK_EN = "Yantan High-tech Industrial Park";
/** Plausible: the article does not name the afternoon room. */
const HALL = "沿滩高新区会议中心";
const HALL_EN = "Yantan High-tech Zone Conference Center";

const SITE_VISIT: SessionSeed = {
  kind: "site_visit",
  title: "现场考察",
  titleEn: "Site visit",
  description:
    "与会代表实地参观考察沿滩高新技术产业园区(14.68平方公里)内的自贡食品产业园、自贡川南新材料化工园区智慧管理中心和消防站、凯盛(自贡)新能源有限公司和中昊晨光(自贡)氟材料有限公司。",
  descriptionEn:
    "Delegates tour the 14.68 km² Yantan High-tech Industrial Park: the Zigong Food Industrial Park, the smart management center and fire station of the Zigong Chuannan New Materials Chemical Park, Kaisheng (Zigong) New Energy and Zhonghao Chenguang (Zigong) Fluorine Materials.",
  starts: "09:00",
  ends: "12:00",
  location: PARK,
  locationEn: PARK_EN,
  speakers: [],
};

const AFTERNOON: SessionSeed[] = [
  {
    kind: "report_release",
    title: "报告发布",
    titleEn: "Report release",
    description: `四川省县域经济学会会长唐利民发布《${REPORT_TITLE}》。`,
    descriptionEn: `Tang Limin, President of the Sichuan County Economy Society, releases the "${REPORT_TITLE_EN}".`,
    starts: "14:30",
    ends: "15:00",
    location: HALL,
    locationEn: HALL_EN,
    speakers: [{ person: "tangLimin", role: "presenter", topic: REPORT_TITLE, topicEn: REPORT_TITLE_EN }],
  },
  {
    kind: "exchange",
    title: "经验交流",
    titleEn: "Experience exchange",
    description: "自贡市沿滩区、射洪市、宣汉县负责同志现场进行经验交流发言。",
    descriptionEn: "Leaders of Yantan District (Zigong), Shehong and Xuanhan share their experience.",
    starts: "15:00",
    ends: "16:00",
    location: HALL,
    locationEn: HALL_EN,
    speakers: [
      { person: "zhaoDeben", role: "speaker" },
      { person: "daiYu", role: "speaker" },
      { person: "chenJun", role: "speaker" },
    ],
  },
  {
    kind: "keynote",
    title: "主题演讲",
    titleEn: "Keynote speeches",
    description: "三位专家围绕本次座谈会主旨,分别进行主题演讲。",
    descriptionEn: "Three experts give keynote speeches on the theme of the symposium.",
    starts: "16:00",
    ends: "17:15",
    location: HALL,
    locationEn: HALL_EN,
    speakers: [
      { person: "fanHengshan", role: "speaker" },
      { person: "liHouqiang", role: "speaker" },
      { person: "luRongdong", role: "speaker" },
    ],
  },
  {
    kind: "remarks",
    title: "发言",
    titleEn: "Remarks",
    description: "四川新传媒集团负责同志发言:与园区深度合作,全面推进智慧园区建设。",
    descriptionEn: "Remarks by the Sichuan News Network Media Group: deep cooperation with industrial parks to build smart parks.",
    starts: "17:15",
    ends: "17:30",
    location: HALL,
    locationEn: HALL_EN,
    speakers: [{ person: "tangXiongxing", role: "speaker" }],
  },
];

type StopSeed = {
  name: string;
  nameEn: string;
  organization: string | null;
  description: string;
  descriptionEn: string;
  facts: StopFact[];
  /** Plausible arrival time (not reported). */
  arrival: string;
};

/** The four stops, in the order the article lists them. */
const STOPS: StopSeed[] = [
  {
    name: "自贡食品产业园",
    nameEn: "Zigong Food Industrial Park",
    organization: null,
    description:
      "园区主要发展肉制品、调味品、预制菜等特色产业,目前已签约企业51户,投产30余户,预计到2027年园区总产值可实现30亿元以上。展台上摆上了冷吃兔、麻辣牛肉等特色菜肴,色香味俱全的盐帮菜吸引了与会代表品尝。",
    descriptionEn:
      "The park focuses on meat products, condiments and prepared dishes. 51 companies have signed up and more than 30 are in production; total output is expected to exceed CNY 3 billion by 2027. Delegates tasted Zigong salt-merchant (Yanbang) cuisine such as cold-eaten rabbit and spicy beef.",
    facts: [
      { label: "主导产业", value: "肉制品、调味品、预制菜", labelEn: "Leading industries", valueEn: "Meat products, condiments, prepared dishes" },
      { label: "签约企业", value: "51户", labelEn: "Companies signed", valueEn: "51" },
      { label: "投产企业", value: "30余户", labelEn: "Companies in production", valueEn: "30+" },
      { label: "2027年总产值目标", value: "≥30亿元", labelEn: "2027 output target", valueEn: "≥ CNY 3 billion" },
    ],
    arrival: "09:20",
  },
  {
    name: "自贡川南新材料化工园区智慧管理中心和消防站",
    nameEn: "Smart Management Center and Fire Station, Zigong Chuannan New Materials Chemical Park",
    organization: "自贡川南新材料化工园区",
    description:
      "数十米的曲面大屏和数台电脑对园区重点人员和危化车辆、特殊作业、能源消耗等进行实时监测。管控平台由12个功能模块组成,能够全天候、无死角对园区和重点企业进行实时监控。",
    descriptionEn:
      "A curved screen tens of metres wide and a bank of computers monitor key personnel, hazardous-chemical vehicles, special operations and energy use in real time. The control platform has 12 functional modules and watches the park and its key companies around the clock, with no blind spots.",
    facts: [
      { label: "管控平台", value: "12个功能模块", labelEn: "Control platform", valueEn: "12 functional modules" },
      { label: "监控", value: "全天候实时监控", labelEn: "Monitoring", valueEn: "Real-time, around the clock" },
      { label: "监测对象", value: "重点人员、危化车辆、特殊作业、能源消耗", labelEn: "Monitored", valueEn: "Key personnel, hazardous-chemical vehicles, special operations, energy use" },
    ],
    arrival: "10:05",
  },
  {
    name: "凯盛(自贡)新能源有限公司",
    nameEn: "Kaisheng (Zigong) New Energy Co., Ltd.",
    organization: "凯盛(自贡)新能源有限公司",
    description:
      "主要生产光伏原片玻璃、钢化镀膜玻璃等新能源材料。厂房内各种自动化、智能化设备飞速运行,机器人用机械手臂吸附切割好的玻璃并精准叠放,生产线高度自动化。",
    descriptionEn:
      "Makes new-energy materials such as photovoltaic raw glass and tempered coated glass. Automated, intelligent equipment runs at speed; robot arms pick up cut glass and stack it precisely on a highly automated line.",
    facts: [
      { label: "主要产品", value: "光伏原片玻璃、钢化镀膜玻璃", labelEn: "Main products", valueEn: "Photovoltaic raw glass, tempered coated glass" },
      { label: "生产线", value: "高度自动化、智能化", labelEn: "Production line", valueEn: "Highly automated and intelligent" },
    ],
    arrival: "10:50",
  },
  {
    // The article names this stop only; nothing beyond its field (fluorine materials) is asserted.
    name: "中昊晨光(自贡)氟材料有限公司",
    nameEn: "Zhonghao Chenguang (Zigong) Fluorine Materials Co., Ltd.",
    organization: "中昊晨光(自贡)氟材料有限公司",
    description: "园区内的氟材料企业。据实践报告,园区已打造和形成氟硅新材料循环产业链。",
    descriptionEn: "A fluorine-materials company in the park, which according to the practice report has built a circular fluorosilicone new-materials industry chain.",
    facts: [{ label: "领域", value: "氟材料", labelEn: "Field", valueEn: "Fluorine materials" }],
    arrival: "11:25",
  },
];

/** Four buses for the site visit, enough seats for every confirmed site-visit delegate; leaders are fictional demo staff. */
const BUSES = [
  { name: "1号车", seats: 45, leaderName: "演示领队 张晓" },
  { name: "2号车", seats: 45, leaderName: "演示领队 李航" },
  { name: "3号车", seats: 45, leaderName: "演示领队 王岚" },
  { name: "4号车", seats: 45, leaderName: "演示领队 赵川" },
] as const;

// ---------------------------------------------------------------------------------------------------------------
// Report: figures from section 2 of the article (and two from section 1).
// ---------------------------------------------------------------------------------------------------------------
const FIGURES: { label: string; value: string; unit: string; change: string | null; period: string | null }[] = [
  { label: "2024年营业收入", value: "246.23", unit: "亿元", change: "+20.56%", period: "2024" },
  { label: "技改投资", value: "13.42", unit: "亿元", change: null, period: "2024" },
  { label: "新增发明专利授权", value: "26", unit: "项", change: null, period: "2024" },
  { label: "技术合同成交额", value: "4.68", unit: "亿元", change: null, period: "2024" },
  { label: "园区面积", value: "14.68", unit: "平方公里", change: null, period: null },
  { label: "食品产业园签约企业", value: "51", unit: "户", change: null, period: null },
];

// ---------------------------------------------------------------------------------------------------------------
// The seed.
// ---------------------------------------------------------------------------------------------------------------
export async function seedYantan(db: Db, opts: SeedYantanOptions): Promise<{ eventId: string; slug: string }> {
  return db.transaction(async (tx) => {
    const [event] = await tx
      .insert(events)
      .values({
        slug: YANTAN_SLUG,
        title: "产业园区赋能县域经济高质量发展座谈会",
        titleEn: "Symposium on Industrial Parks Empowering High-Quality County Economic Development",
        summary:
          "2025年9月5日,产业园区赋能县域经济高质量发展座谈会在自贡市沿滩区举行,由四川省人民政府参事室、自贡市人民政府、四川新闻网传媒集团与四川省县域经济学会联合主办,旨在全面落实加强产业园区高质量发展、大力推进新型工业化、加快现代产业体系建设的决策部署。省委省政府决咨委、省委政研室等十多个省直部门,全省有关产业园区主要负责人,相关专家学者、企业家等200余人通过现场考察、经验交流、专家演讲等形式,共商产业园区发展大计。上午考察占地14.68平方公里的沿滩高新技术产业园区,下午举行座谈会并发布《产业园区赋能县域经济高质量发展自贡市沿滩区实践报告》。",
        summaryEn:
          "On 5 September 2025 the Symposium on Industrial Parks Empowering High-Quality County Economic Development was held in Yantan District, Zigong, co-hosted by the Counsellors' Office of the Sichuan Provincial People's Government, the Zigong Municipal People's Government, Sichuan News Network Media Group and the Sichuan County Economy Society, to carry out the provincial decisions on high-quality development of industrial parks, new industrialization and a modern industrial system. More than 200 participants — from over ten provincial departments including the Decision-Making Consultation Committee and the Policy Research Office of the Provincial Party Committee, heads of industrial parks across the province, experts, scholars and entrepreneurs — joined site visits, experience exchanges and expert talks. In the morning delegates toured the 14.68 km² Yantan High-tech Industrial Park; in the afternoon the symposium released the Yantan District practice report.",
        audience: "省直部门、园区负责人、专家学者、企业家",
        audienceEn: "Provincial government departments, industrial park leaders, experts and scholars, entrepreneurs",
        // Plausible clock times (the article gives only 上午/下午): site visit 09:00–12:00, symposium 14:30–17:30.
        startsAt: forum("09:00"),
        endsAt: forum("17:30"),
        timezone: TZ,
        venueName: PARK,
        venueNameEn: PARK_EN,
        venueAddress: "四川省自贡市沿滩区",
        venueAddressEn: "Yantan District, Zigong, Sichuan",
        city: "自贡市沿滩区",
        cityEn: "Yantan District, Zigong",
        // Full house: every seat taken, 4 late registrants on the waitlist (seats freed by cancellations were refilled).
        capacity: CONFIRMED,
        status: "published",
        registrationOpensAt: REGISTRATION_OPENS,
        registrationClosesAt: REGISTRATION_CLOSES,
        requiresApproval: false,
        waitlistEnabled: true,
        // Plausible: invited units (受邀单位) replied by 29 August (db/seed/delegations.ts).
        delegationReplyBy: YANTAN_REPLY_BY,
        createdById: opts.organizerId,
      })
      .returning({ id: events.id, slug: events.slug });

    const orgIds = await insertOrganizations(tx);
    await tx.insert(eventOrganizations).values(
      CO_HOSTS.map((key, i) => ({ eventId: event.id, organizationId: orgIds[key], role: "co_host" as const, order: i + 1 })),
    );

    const personIds = await insertPeople(tx, orgIds);
    const { siteVisitId, busIds } = await insertAgenda(tx, event.id, personIds);
    const regs = await insertRegistrations(tx, event.id, siteVisitId, busIds, opts.staffId);
    await seedYantanDelegations(tx, event.id, regs);
    await insertReport(tx, event.id, opts);

    return { eventId: event.id, slug: event.slug };
  });
}

async function insertOrganizations(tx: Tx): Promise<Record<OrgKey, string>> {
  const keys = Object.keys(ORGS) as OrgKey[];
  const rows = await tx
    .insert(organizations)
    .values(keys.map((k) => ({ ...ORGS[k] })))
    .returning({ id: organizations.id, name: organizations.name });
  const byName = new Map(rows.map((r) => [r.name, r.id]));
  const ids = {} as Record<OrgKey, string>;
  for (const k of keys) ids[k] = byName.get(ORGS[k].name)!;
  return ids;
}

async function insertPeople(tx: Tx, orgIds: Record<OrgKey, string>): Promise<Record<PersonKey, string>> {
  const keys = Object.keys(PEOPLE) as PersonKey[];
  const ids = {} as Record<PersonKey, string>;
  for (const key of keys) {
    const p: PersonSeed = PEOPLE[key];
    const [row] = await tx.insert(people).values({ name: p.name, nameEn: p.nameEn, bio: p.bio ?? null, bioEn: p.bioEn ?? null }).returning({ id: people.id });
    ids[key] = row.id;
    await tx.insert(personPositions).values(
      p.positions.map((pos, i) => ({
        personId: row.id,
        organizationId: pos.org ? orgIds[pos.org] : null,
        organization: pos.organization,
        organizationEn: pos.organizationEn,
        title: pos.title,
        titleEn: pos.titleEn,
        order: i + 1,
      })),
    );
  }
  return ids;
}

async function insertAgenda(
  tx: Tx,
  eventId: string,
  personIds: Record<PersonKey, string>,
): Promise<{ siteVisitId: string; busIds: string[] }> {
  let siteVisitId = "";
  const all = [SITE_VISIT, ...AFTERNOON];
  for (const [i, s] of all.entries()) {
    const [row] = await tx
      .insert(agendaSessions)
      .values({
        eventId,
        kind: s.kind,
        title: s.title,
        titleEn: s.titleEn,
        description: s.description,
        descriptionEn: s.descriptionEn,
        startsAt: forum(s.starts),
        endsAt: forum(s.ends),
        location: s.location,
        locationEn: s.locationEn,
        order: i + 1,
      })
      .returning({ id: agendaSessions.id });
    if (s.kind === "site_visit") siteVisitId = row.id;
    if (s.speakers.length > 0) {
      await tx.insert(sessionSpeakers).values(
        s.speakers.map((sp, j) => ({
          sessionId: row.id,
          personId: personIds[sp.person],
          role: sp.role,
          topic: sp.topic ?? null,
          topicEn: sp.topicEn ?? null,
          order: j + 1,
        })),
      );
    }
  }

  await tx.insert(siteVisitStops).values(
    STOPS.map((stop, i) => ({
      sessionId: siteVisitId,
      order: i + 1,
      name: stop.name,
      nameEn: stop.nameEn,
      organization: stop.organization,
      description: stop.description,
      descriptionEn: stop.descriptionEn,
      facts: stop.facts,
      plannedArrival: forum(stop.arrival),
    })),
  );

  const busRows = await tx
    .insert(buses)
    .values(BUSES.map((b, i) => ({ eventId, sessionId: siteVisitId, name: b.name, seats: b.seats, leaderName: b.leaderName, order: i + 1 })))
    .returning({ id: buses.id, order: buses.order });
  const busIds = busRows.sort((a, b) => a.order - b.order).map((b) => b.id);
  return { siteVisitId, busIds };
}

// ---------------------------------------------------------------------------------------------------------------
// Registrations: ~200 fictional delegates (the article: 200余人), generated deterministically from a seeded PRNG.
// Only the ticket codes are random (they must be unguessable).
// ---------------------------------------------------------------------------------------------------------------
type Category = NonNullable<(typeof registrations.$inferInsert)["category"]>;
type RegistrationStatus = (typeof registrations.$inferInsert)["status"];

const CONFIRMED = 206;
const WAITLISTED = 4;
const CANCELLED = 6;
const CHECKED_IN = 180;

type CategorySeed = { category: Category; weight: number; organizations: string[]; positions: string[] };

/** Delegate categories and plausible organizations (省直部门 as the article names them, parks, universities …). */
const CATEGORIES: CategorySeed[] = [
  {
    category: "government",
    weight: 40,
    organizations: [
      "四川省委省政府决策咨询委员会",
      "中共四川省委政策研究室",
      "四川省人民政府参事室",
      "四川省发展和改革委员会",
      "四川省经济和信息化厅",
      "四川省科学技术厅",
      "四川省商务厅",
      "四川省自然资源厅",
      "四川省生态环境厅",
      "四川省财政厅",
      "四川省人民政府研究室",
      "自贡市人民政府",
      "自贡市经济和信息化局",
      "自贡市沿滩区人民政府",
    ],
    positions: ["处长", "副处长", "一级调研员", "二级调研员", "三级调研员", "四级调研员", "一级主任科员", "二级主任科员"],
  },
  {
    category: "park",
    weight: 60,
    organizations: [
      "沿滩高新技术产业园区管委会",
      "自贡高新技术产业开发区管委会",
      "射洪经济开发区管委会",
      "宣汉经济开发区管委会",
      "绵阳高新技术产业开发区管委会",
      "德阳经济技术开发区管委会",
      "遂宁经济技术开发区管委会",
      "泸州高新技术产业开发区管委会",
      "内江经济技术开发区管委会",
      "乐山高新技术产业开发区管委会",
      "宜宾临港经济技术开发区管委会",
      "眉山高新技术产业园区管委会",
      "南充经济开发区管委会",
      "广安经济技术开发区管委会",
      "达州高新技术产业开发区管委会",
      "雅安经济开发区管委会",
    ],
    positions: ["主任", "常务副主任", "副主任", "党工委书记", "党工委副书记", "招商局局长", "经济发展局局长", "规划建设局局长", "综合办公室主任"],
  },
  {
    category: "expert",
    weight: 28,
    organizations: [
      "四川大学经济学院",
      "西南财经大学",
      "电子科技大学经济与管理学院",
      "西南交通大学经济管理学院",
      "四川省社会科学院",
      "四川轻化工大学",
      "西南石油大学",
      "四川师范大学",
      "四川省县域经济学会",
    ],
    positions: ["教授", "副教授", "研究员", "副研究员", "博士生导师", "研究中心主任", "特聘专家"],
  },
  {
    category: "enterprise",
    weight: 52,
    organizations: [
      "凯盛(自贡)新能源有限公司",
      "中昊晨光(自贡)氟材料有限公司",
      "自贡盐帮风味食品有限公司",
      "川南新材料科技有限公司",
      "沿滩智造装备有限公司",
      "蜀南预制菜供应链有限公司",
      "釜溪河调味品有限公司",
      "自贡氟硅新材料有限公司",
      "四川县域产业投资有限公司",
      "天府园区运营管理有限公司",
    ],
    positions: ["董事长", "总经理", "副总经理", "总工程师", "投资发展部经理", "市场总监", "办公室主任"],
  },
  {
    category: "media",
    weight: 14,
    organizations: ["四川新闻网传媒集团", "四川日报报业集团", "四川广播电视台", "自贡日报社", "自贡市广播电视台", "封面新闻", "红星新闻"],
    positions: ["记者", "编辑", "摄影记者", "新闻中心主任", "副总编辑"],
  },
  {
    category: "other",
    weight: 16,
    organizations: ["自贡市工商业联合会", "四川省企业联合会", "自贡市沿滩区商会", "四川省县域经济学会", "自贡市中小企业服务中心"],
    positions: ["秘书长", "副秘书长", "会员代表", "项目主管", "工作人员"],
  },
];

const NEEDS = ["素食", "清真餐", "需开具会务费发票", "行动不便,需无障碍通道", "需提前离会"];

type Delegate = {
  number: number;
  fullName: string;
  email: string;
  category: Category;
  organization: string;
  position: string;
  needs: string | null;
  siteVisit: boolean;
  registeredAt: Date;
};

function generateDelegates(count: number): Delegate[] {
  const rand = prng(20250905);
  const pick = <T,>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)];
  const chars = Array.from(GIVEN);
  const surnames = Array.from(SURNAMES);
  const totalWeight = CATEGORIES.reduce((s, c) => s + c.weight, 0);
  const windowMs = REGISTRATION_CLOSES.getTime() - REGISTRATION_OPENS.getTime();

  const used = new Set<string>(RESERVED_NAMES);
  const times: number[] = [];
  for (let i = 0; i < count; i++) times.push(REGISTRATION_OPENS.getTime() + Math.floor(rand() * windowMs));
  times.sort((a, b) => a - b);

  const out: Delegate[] = [];
  for (let i = 0; i < count; i++) {
    let fullName = "";
    do {
      const given = rand() < 0.6 ? pick(chars) + pick(chars) : pick(chars);
      fullName = pick(surnames) + given;
    } while (used.has(fullName));
    used.add(fullName);

    let r = rand() * totalWeight;
    let cat = CATEGORIES[0];
    for (const c of CATEGORIES) {
      if (r < c.weight) {
        cat = c;
        break;
      }
      r -= c.weight;
    }
    const number = i + 1;
    out.push({
      number,
      fullName,
      email: `demo-${String(number).padStart(4, "0")}@example.com`,
      category: cat.category,
      organization: pick(cat.organizations),
      position: pick(cat.positions),
      needs: rand() < 0.06 ? pick(NEEDS) : null,
      // Most delegates join the morning site visit; media and a few others come for the symposium only.
      siteVisit: rand() < (cat.category === "media" ? 0.4 : 0.85),
      registeredAt: new Date(times[i]),
    });
  }
  return out;
}

function chunk<T>(xs: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < xs.length; i += size) out.push(xs.slice(i, i + size));
  return out;
}

export type SeededRegistration = Pick<typeof registrations.$inferSelect, "id" | "email" | "status" | "siteVisit" | "fullName" | "organization" | "position" | "needs" | "createdAt">;

async function insertRegistrations(tx: Tx, eventId: string, siteVisitId: string, busIds: string[], staffId: string): Promise<SeededRegistration[]> {
  const total = CONFIRMED + WAITLISTED + CANCELLED;
  const delegates = generateDelegates(total);
  const rand = prng(905);

  // States: the last few to register were waitlisted (demo of the state: registration closed before any promotion);
  // a handful of early registrants cancelled and their seats were refilled. Confirmed = capacity (a full forum).
  const status = new Map<number, RegistrationStatus>();
  for (const d of delegates.slice(total - WAITLISTED)) status.set(d.number, "waitlisted");
  const cancellable = delegates.slice(0, total - WAITLISTED);
  while ([...status.values()].filter((s) => s === "cancelled").length < CANCELLED) {
    status.set(cancellable[Math.floor(rand() * cancellable.length)].number, "cancelled");
  }

  // Buses: confirmed site-visit delegates fill 1号车 then 2号车 in registration order, never beyond the seats; the
  // rest of the site-visit delegates travel on their own.
  const seatsLeft = BUSES.map((b) => b.seats);
  const rows: (typeof registrations.$inferInsert)[] = delegates.map((d) => {
    const s = status.get(d.number) ?? "confirmed";
    let busId: string | null = null;
    if (s === "confirmed" && d.siteVisit) {
      const b = seatsLeft.findIndex((n) => n > 0);
      if (b >= 0) {
        seatsLeft[b] -= 1;
        busId = busIds[b];
      }
    }
    const cancelledAt =
      s === "cancelled" ? new Date(Math.min(d.registeredAt.getTime() + (1 + Math.floor(rand() * 72)) * 3_600_000, at("2025-09-04", "12:00").getTime())) : null;
    return {
      eventId,
      userId: null,
      status: s,
      fullName: d.fullName,
      email: d.email,
      category: d.category,
      organization: d.organization,
      position: d.position,
      needs: d.needs,
      siteVisit: d.siteVisit,
      busId,
      ticketCode: ticketCode(),
      source: "seed" as const,
      notes: "演示数据 demo data",
      waitlistedAt: s === "waitlisted" ? d.registeredAt : null,
      confirmedAt: s === "waitlisted" ? null : d.registeredAt,
      cancelledAt,
      createdAt: d.registeredAt,
      updatedAt: cancelledAt ?? d.registeredAt,
    };
  });

  const inserted: SeededRegistration[] = [];
  for (const batch of chunk(rows, 100)) {
    inserted.push(
      ...(await tx.insert(registrations).values(batch).returning({
        id: registrations.id,
        email: registrations.email,
        status: registrations.status,
        siteVisit: registrations.siteVisit,
        fullName: registrations.fullName,
        organization: registrations.organization,
        position: registrations.position,
        needs: registrations.needs,
        createdAt: registrations.createdAt,
      })),
    );
  }

  // Check-ins on the day: 180 confirmed delegates, chosen deterministically. Site-visit delegates check in for the
  // morning (08:15–08:55, before departure) and most also for the symposium (14:00–14:28); the others for the symposium.
  const confirmed = inserted
    .filter((r) => r.status === "confirmed")
    .sort((a, b) => (a.email ?? "").localeCompare(b.email ?? ""));
  for (let i = confirmed.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [confirmed[i], confirmed[j]] = [confirmed[j], confirmed[i]];
  }
  const minute = (from: string, spanMinutes: number) => new Date(forum(from).getTime() + Math.floor(rand() * spanMinutes * 60) * 1000);
  const checkinRows: (typeof checkins.$inferInsert)[] = [];
  for (const r of confirmed.slice(0, CHECKED_IN)) {
    if (r.siteVisit) {
      checkinRows.push({ registrationId: r.id, eventId, segment: "site_visit", sessionId: siteVisitId, checkedInAt: minute("08:15", 40), checkedInById: staffId });
      if (rand() < 0.9) checkinRows.push({ registrationId: r.id, eventId, segment: "symposium", checkedInAt: minute("14:00", 28), checkedInById: staffId });
    } else {
      checkinRows.push({ registrationId: r.id, eventId, segment: "symposium", checkedInAt: minute("14:00", 28), checkedInById: staffId });
    }
  }
  for (const batch of chunk(checkinRows, 200)) await tx.insert(checkins).values(batch);
  return inserted;
}

// ---------------------------------------------------------------------------------------------------------------
// The post-event report (会后报道): the article itself.
// ---------------------------------------------------------------------------------------------------------------
async function insertReport(tx: Tx, eventId: string, opts: SeedYantanOptions): Promise<void> {
  // The article is dated 更新时间 2025-09-06; the hour is plausible.
  const publishedAt = at("2025-09-06", "10:00");
  const lead = ARTICLE.lead.join("\n\n");
  // Markdown, as reports were stored before the rich-text editor; seedIfEmpty converts it (db/legacy-reports.ts)
  const sections = ARTICLE.sections.map((s, i) => ({ order: i + 1, heading: s.heading, body: s.paragraphs.join("\n\n"), format: "markdown" }));
  const figures = FIGURES.map((f, i) => ({ order: i + 1, ...f }));
  const head = {
    slug: YANTAN_REPORT_SLUG,
    title: ARTICLE.headline,
    titleEn: "Symposium on Industrial Parks Empowering High-Quality County Economic Development Held in Yantan District, Zigong",
    subtitle: null,
    byline: ARTICLE.byline,
    photoCredit: ARTICLE.photoCredit,
    tags: [...ARTICLE.tags],
    lead,
  };

  const [report] = await tx
    .insert(reports)
    .values({
      eventId,
      ...head,
      leadFormat: "markdown",
      status: "published",
      publishedAt,
      version: 1,
      createdById: opts.staffId,
      updatedById: opts.organizerId,
      createdAt: at("2025-09-05", "20:00"),
      updatedAt: publishedAt,
    })
    .returning({ id: reports.id });

  await tx.insert(reportSections).values(sections.map((s) => ({ reportId: report.id, ...s })));
  await tx.insert(reportFigures).values(figures.map((f) => ({ reportId: report.id, ...f })));
  await tx.insert(reportRevisions).values({
    reportId: report.id,
    version: 1,
    snapshot: { ...head, status: "published", publishedAt: publishedAt.toISOString(), sections, figures },
    authorId: opts.organizerId,
    createdAt: publishedAt,
  });
}

"""Small wire stories, their outlet copies and stories that quote them.

Each story is a list of sentences; builders below make the usual outlet
versions: trimmed from the bottom, with local lines added, with a new
headline, or a different story quoting a few sentences.
"""

from __future__ import annotations

BANK = [
    "LONDON, May 4 - The central bank raised its main interest rate by half a percentage point on "
    "Thursday, its sixth increase this year, as inflation stayed far above its target.",
    "Policymakers voted seven to two for the move, with the two dissenters preferring a smaller rise "
    "of a quarter point, according to minutes published alongside the decision.",
    "Consumer prices rose 8.7 percent in the year to March, more than four times the bank's two "
    "percent goal, official figures showed last month.",
    "The pound climbed almost one percent against the dollar in the minutes after the announcement "
    "before giving up some of its gains in afternoon trading.",
    "Governor Andrew Bailey told reporters that further increases could not be ruled out if price "
    "pressures proved more persistent than the bank expected.",
    "Mortgage lenders said they would pass the higher rate on to borrowers with variable loans from "
    "the start of next month, adding to pressure on household budgets.",
    "Business groups warned that the rise would weigh on investment at a time when order books "
    "were already shrinking and many firms were cutting staff.",
    "The bank now expects the economy to avoid a recession this year, a sharp change from the "
    "forecast it published in November.",
    "Economists polled by news agencies said they expected at least one more increase before the "
    "bank pauses its tightening cycle later in the summer.",
    "The next policy decision is due on June 22, the bank said in a statement.",
]

FLOOD = [
    "Heavy rain flooded hundreds of homes in the river valley overnight, forcing the evacuation of "
    "two villages and closing the main road to the coast, police said on Friday.",
    "Rescue teams in boats moved more than three hundred residents to a school on higher ground "
    "where volunteers handed out blankets and hot meals.",
    "The river rose almost two metres above its normal level in less than twelve hours, the "
    "environment agency said, the fastest rise it has recorded at the site.",
    "Farmers said thousands of hectares of wheat and barley were under water only weeks before the "
    "harvest was due to begin.",
    "The regional council said it would ask the government for emergency funds to repair two "
    "bridges that were damaged when debris built up against them.",
    "Forecasters said more rain was expected over the weekend but that it should be lighter than "
    "the storm that caused the flooding.",
    "Insurance companies said it was too early to estimate the cost of the damage, which local "
    "officials described as the worst in living memory.",
    "Schools in the valley will stay closed on Monday while engineers check their buildings.",
]

STRIKE = [
    "Dockworkers walked off the job at three of the country's busiest container ports on Monday, "
    "halting the loading of ships in a dispute over pay and automation.",
    "The union said its members would stay out for forty-eight hours and warned of longer "
    "stoppages if port operators did not return to talks with a better offer.",
    "Port operators said they had offered a pay rise of six percent over two years and a promise "
    "that no jobs would be lost to new automated cranes.",
    "Shipping lines diverted some vessels to neighbouring ports, and freight forwarders warned "
    "that delays could ripple through supply chains for weeks.",
    "The transport minister urged both sides to accept mediation and said the government was "
    "ready to help but would not intervene in the dispute itself.",
    "The ports handle about a third of the country's container trade, according to industry data.",
]

ARABIC = [
    "القاهرة (وكالة الأنباء) - أعلن البنك المركزي المصري يوم الخميس رفع أسعار الفائدة الرئيسية "
    "بمقدار مئتي نقطة أساس في خطوة تهدف إلى كبح التضخم المتسارع.",
    "وقال البنك في بيان إن لجنة السياسة النقدية قررت رفع سعر عائد الإيداع لليلة واحدة إلى مستوى "
    "قياسي جديد بعد اجتماع استمر عدة ساعات.",
    "وأضاف البيان أن معدل التضخم السنوي في المدن بلغ أعلى مستوى له منذ خمس سنوات خلال الشهر الماضي "
    "بسبب ارتفاع أسعار الغذاء والطاقة.",
    "وكان محللون استطلعت آراؤهم قد توقعوا زيادة أقل بكثير من تلك التي أعلنها البنك في ختام اجتماعه.",
    "وتراجع الجنيه المصري أمام الدولار الأمريكي في التعاملات المبكرة بعد صدور القرار مباشرة.",
    "وقالت وزارة المالية إنها ستواصل العمل مع صندوق النقد الدولي على برنامج الإصلاح الاقتصادي المتفق عليه.",
    "ويعاني الاقتصاد من نقص في العملات الأجنبية منذ بداية العام الماضي بسبب تراجع عائدات السياحة "
    "وقناة السويس.",
    "ومن المقرر أن تعقد لجنة السياسة النقدية اجتماعها المقبل في منتصف الشهر القادم لمراجعة القرار.",
]

ARABIC_OTHER = [
    "افتتح وزير النقل يوم الأحد المرحلة الأولى من خط القطار السريع الذي يربط العاصمة بالمدن الساحلية "
    "بعد أربع سنوات من العمل.",
    "وقال الوزير في كلمة خلال حفل الافتتاح إن الخط سيختصر زمن الرحلة إلى النصف تقريبا وسيخدم ملايين "
    "الركاب كل عام.",
    "وتبلغ تكلفة المشروع عدة مليارات من الدولارات وتنفذه شركات محلية وأجنبية بتمويل من بنوك دولية.",
    "وأشار الوزير إلى أن المرحلة الثانية من المشروع ستبدأ العام المقبل وتمتد إلى مدن الصعيد.",
    "وشهدت المحطات الجديدة إقبالا كبيرا من المواطنين الذين حرصوا على تجربة القطار في يومه الأول.",
    "وقال عدد من الركاب إنهم يأملون أن تكون أسعار التذاكر في متناول الجميع بعد انتهاء فترة التشغيل التجريبي.",
    "ومن المنتظر أن يوفر المشروع آلاف فرص العمل في مجالات التشغيل والصيانة خلال السنوات المقبلة.",
    "وأكدت الهيئة القومية للأنفاق أن جميع المحطات مجهزة بأنظمة حديثة للسلامة والأمان.",
]

CHINESE = [
    "国家统计局周三公布的数据显示，今年第三季度国内生产总值同比增长百分之四点九，略高于市场预期。",
    "统计局发言人在新闻发布会上表示，消费对经济增长的贡献继续扩大，服务业保持较快恢复。",
    "数据还显示，九月份全国规模以上工业增加值同比增长百分之四点五，与上月持平。",
    "社会消费品零售总额同比增长百分之五点五，增速比上月加快零点九个百分点。",
    "分析人士指出，房地产投资继续下滑，仍是拖累经济增长的主要因素。",
    "发言人还说，外部环境依然复杂严峻，国内需求仍显不足，经济回升向好的基础还需巩固。",
    "多家机构预计，全年经济增长目标有望顺利实现。",
    "国家统计局将于下月中旬公布十月份主要经济数据。",
]

CHINESE_OTHER = [
    "今年第十号台风周二晚间在南部沿海登陆，登陆时中心附近最大风力达到十四级。",
    "当地政府提前转移了沿海地区的二十多万名群众，并暂停了所有渡轮和部分航班。",
    "台风带来的强降雨导致多条河流水位上涨，一些低洼地区出现内涝。",
    "气象部门表示，台风将继续向西北方向移动，强度逐渐减弱。",
    "电力公司出动数千名抢修人员，目前大部分停电地区已经恢复供电。",
    "学校和幼儿园周三停课一天，具体复课时间将另行通知。",
    "农业部门提醒农民抓紧抢收已经成熟的农作物，减少台风造成的损失。",
    "预计未来三天当地仍将有大到暴雨，局部地区有特大暴雨。",
]


def text(*parts: str | list[str]) -> str:
    """Sentences joined into paragraphs, one per line."""
    lines: list[str] = []
    for part in parts:
        lines.extend([part] if isinstance(part, str) else part)
    return "\n".join(lines)


def quoting(host: list[str], story: list[str], quoted: slice, at: int) -> str:
    """``host`` with the ``quoted`` sentences of ``story`` inserted after its sentence ``at``."""
    return text(host[:at], story[quoted], host[at:])

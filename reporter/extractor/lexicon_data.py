"""Facts of the Chinese language the rules rely on (not user configuration, which is in templates/)."""

from __future__ import annotations

# Common Chinese surnames (single and compound): a name is a surname followed by one or two characters.
SINGLE_SURNAMES = frozenset(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈"
    "姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
    "常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单"
    "季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚"
    "娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘"
    "池查麻苑迟邝官封谈匡鞠惠荆乐冀郁胥南班储原栗燕楚鄢劳谌奚皮粟冼蔺楼盘满闻位厉伊仝区郜海阚花权强帅屠"
    "豆朴盖练廉禹井祖漆巴丰支卿国狄平计索宣晋相初门云容敬来扈晁芮都普阙浦戈伏鹿薄邸雍辜羊阿乌母裘亓修邰"
    "赫杭况那宿鲜印逯隆茹诸战慕危玉银亢嵩帖蔚冶虎竺拓达占沃隗凡次咸仉郗揭佴东钮龚廖缑乜逄滑"
)
COMPOUND_SURNAMES = frozenset(
    [
        "欧阳",
        "上官",
        "司马",
        "诸葛",
        "东方",
        "皇甫",
        "尉迟",
        "公孙",
        "慕容",
        "长孙",
        "宇文",
        "司徒",
        "夏侯",
        "轩辕",
        "令狐",
        "钟离",
        "独孤",
        "南宫",
        "西门",
        "万俟",
        "闻人",
        "赫连",
        "澹台",
        "公冶",
        "太史",
        "申屠",
        "端木",
        "拓跋",
        "呼延",
    ]
)

# Characters that never end a person's name written in a report (they start the next word).
NOT_NAME_END = frozenset("在于和与及等的了是为对向从把被将就说称同志主持出席参加讲话介绍表示指出强调")

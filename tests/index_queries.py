"""Written queries for retrieval tests and the fusion measurement (docs/index.md).

PARAPHRASES: one hand-written paraphrase per real corpus table (34), each expected to find that
table first. They avoid copying the table name; a few keep a distinctive word (拆违, 兰溪路),
as a user would.
"""

PARAPHRASES: dict[str, str] = {
    "000_0a362c379c5850c5-1": "天津燃气供热站的安全应急检查",
    "000_0a362c379c5850c5-2": "2025年对燃气经营企业设施运行安全的行业监督检查",
    "000_0a362c379c5850c5-3": "供热监管信息平台在采暖季的运维服务",
    "000_0a362c379c5850c5-4": "燃气报装业务系统的运行维护",
    "000_0a362c379c5850c5-5": "用债券资金建设城镇燃气智慧监管系统",
    "000_0a362c379c5850c5-6": "支付2024年燃气设施安全监督检查技术服务合同的尾款",
    "000_0a362c379c5850c5-7": "结清2024年供热站安全工作检查服务合同的尾款",
    "003_e87aba6a1a806e89-1": "生态环境部门信息网络和设备系统的日常运维",
    "003_e87aba6a1a806e89-2": "美丽天津生态城市的宣传和能力提升",
    "003_e87aba6a1a806e89-3": "突发环境事件应急处置和事故调查",
    "003_e87aba6a1a806e89-4": "更换升级生态环境部门老旧的网络设备",
    "shanghai_putuo_2026_chengguan_chaiwei-1": "拆除违法建筑的经费",
    "shanghai_putuo_2026_jianguanwei_lanxilu-1": "兰溪路与真南路路口下立交的建设工程",
    "anhui-bozhou_2023_rengong-zengyu-feiji-1": "租用飞机开展人工降雨作业",
    "anhui-huaibei_2025_nongcun-wenhua-peitao-1": "送戏进万村的市级配套补助",
    "anhui-huangshan_2025_xueliang-gongcheng-jifang-zulin-1": "视频监控后端机房机柜的租赁服务",
    "anhui-luan-jinanqu_2023_canjiren-jingzhun-kangfu-1": "为残疾人提供康复服务和辅助器具",
    "anhui-luan-jinanqu_2025_guoji-wangqiu-gongkaisai-1": "举办国际网球赛事打造体育品牌",
    "anhui-luan-jinzhaixian_2021_kaifaqu-wuye-guanli-1": "开发区安置小区的物业服务费用",
    "chongqing-rongchangqu_2022_daqinggang-lvhua-meihua-1": "乡村公路沿线栽树绿化并发放李子苗",
    "guangdong-dongguan_2019_zhenji-lianwanglu-gaizao-1": "镇街之间联网道路改造的补助款结算",
    "hubei-huangshi_2022_dangxiao-zhutiban-1": "党校干部培训班的办班经费",
    "hubei-wuhan-qingshanqu_2020_bomo-xuexiao-gaizao-1": "改善农村义务教育薄弱学校办学条件",
    "hubei-wuhan-qingshanqu_2020_jiaoyu-jichusheshi-shebei-1": "教育局重点建设工程和设备购置",
    "hunan-hengyang-nanyuequ_2018_fupin-lvyou-jichusheshi-1": "扶贫基地乡村旅游景点和基础设施建设",
    "hunan-hengyang-nanyuequ_2018_zichan-shouyi-fupin-1": "贫困户资产入股合作社返本分红",
    "hunan-hengyang-nanyuequ_2023_yulu-jihua-1": "给脱贫家庭学生发放就学补助",
    "hunan-yiyang-nanxian_2025_jibengonggongweisheng-jiandu-1": "疾控中心突发公共卫生事件应急和卫生监督执法",
    "hunan-yueyangxian_2022_gaobiaozhun-nongtian-1": "农田建设和灌溉排水改善",
    "ningxia-guyuan-yuanzhouqu_2022_nanbu-shuiyuan-hanyanglin-1": "林场营造林和退化林改造",
    "ningxia-shizuishan_2020_yimiao-meishatong-1": "采购疫苗和美沙酮维持治疗药品",
    "shaanxi-yulin-qingjianxian_2021_guoyuan-lu-1": "新建通往果园的水泥路",
    "sichuan-guangyuan-zhaohuaqu_2021_mafengbing-fangzhi-1": "麻风病人慰问和防治宣传",
    "sichuan-guangyuan-zhaohuaqu_2021_tekun-jiating-zaifuzhu-1": "独生子女伤残死亡家庭的特别扶助",
}

# Indicator queries with the 二级 slot whose rows should dominate the top 5.
INDICATOR_QUERIES: dict[str, str] = {
    "满意度指标通常定多少": "服务对象满意度指标",
    "检查了多少家企业": "数量指标",
    "问题整改反馈要多长时间": "时效指标",
    "成本控制在预算以内": "成本指标",
    "系统运行稳定率": "质量指标",
}

<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>App</name>
    <message>
        <location filename="../../fieldapp/ui/app.py" line="72" />
        <source>Creating demo data…</source>
        <translation>正在生成演示数据…</translation>
    </message>
</context>
<context>
    <name>EnterpriseDetail</name>
    <message>
        <location filename="../../fieldapp/ui/main_window.py" line="40" />
        <source>USCC</source>
        <translation>统一社会信用代码</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/main_window.py" line="40" />
        <source>Legal representative</source>
        <translation>法定代表人</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/main_window.py" line="41" />
        <source>Principal</source>
        <translation>主要负责人</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/main_window.py" line="41" />
        <source>Phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/main_window.py" line="41" />
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/main_window.py" line="42" />
        <source>Township</source>
        <translation>乡镇街道</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/main_window.py" line="42" />
        <source>Industry</source>
        <translation>行业类别</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/main_window.py" line="42" />
        <source>Special hazards</source>
        <translation>重点监管类型</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/main_window.py" line="43" />
        <source>Risk level</source>
        <translation>风险等级</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/main_window.py" line="43" />
        <source>Employees</source>
        <translation>从业人数</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/main_window.py" line="43" />
        <source>Status</source>
        <translation>经营状态</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/main_window.py" line="44" />
        <source>Inspections</source>
        <translation>检查记录</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/main_window.py" line="44" />
        <source>Open hazards</source>
        <translation>未整改隐患</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/main_window.py" line="60" />
        <source>Select an enterprise</source>
        <translation>请选择一家单位</translation>
    </message>
    <message numerus="yes">
        <location filename="../../fieldapp/ui/main_window.py" line="77" />
        <source>%n inspection(s)</source>
        <translation><numerusform>共 %n 次检查</numerusform></translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/main_window.py" line="78" />
        <source>, last on %1</source>
        <translation>，最近一次 %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../../fieldapp/ui/main_window.py" line="82" />
        <source>%n open</source>
        <translation><numerusform>%n 项未闭环</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../fieldapp/ui/main_window.py" line="84" />
        <source>, %n overdue</source>
        <translation><numerusform>，其中 %n 项逾期</numerusform></translation>
    </message>
</context>
<context>
    <name>EnterpriseTableModel</name>
    <message>
        <location filename="../../fieldapp/ui/enterprise_model.py" line="27" />
        <source>Name</source>
        <translation>单位名称</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/enterprise_model.py" line="27" />
        <source>USCC</source>
        <translation>统一社会信用代码</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/enterprise_model.py" line="27" />
        <source>Township</source>
        <translation>乡镇街道</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/enterprise_model.py" line="27" />
        <source>Industry</source>
        <translation>行业类别</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/enterprise_model.py" line="28" />
        <source>Risk level</source>
        <translation>风险等级</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/enterprise_model.py" line="28" />
        <source>Legal representative</source>
        <translation>法定代表人</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/enterprise_model.py" line="86" />
        <source>The check character of this code is wrong; please verify it</source>
        <translation>该代码校验位不符，请核对</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../fieldapp/ui/main_window.py" line="94" />
        <source>fieldapp — Work-safety field inspection</source>
        <translation>fieldapp — 安全生产现场执法检查</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/main_window.py" line="99" />
        <source>Search name, address, person, USCC or pinyin (e.g. hdhg)</source>
        <translation>搜索单位名称、地址、人员、信用代码或拼音（如 hdhg）</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/main_window.py" line="143" />
        <source>Data directory: %1</source>
        <translation>数据目录：%1</translation>
    </message>
    <message numerus="yes">
        <location filename="../../fieldapp/ui/main_window.py" line="161" />
        <source>%n match(es)</source>
        <translation><numerusform>找到 %n 家</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../fieldapp/ui/main_window.py" line="163" />
        <source>%n enterprise(s)</source>
        <translation><numerusform>共 %n 家单位</numerusform></translation>
    </message>
</context>
</TS>
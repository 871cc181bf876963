<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>App</name>
    <message>
        <location filename="../../fieldapp/ui/app.py" line="100" />
        <source>Creating demo data…</source>
        <translation>正在生成演示数据…</translation>
    </message>
</context>
<context>
    <name>ChecklistItemsModel</name>
    <message>
        <location filename="../../fieldapp/ui/table_models.py" line="224" />
        <source>[major] </source>
        <translation>【重大】</translation>
    </message>
</context>
<context>
    <name>DocumentsPage</name>
    <message>
        <location filename="../../fieldapp/ui/documents_page.py" line="31" />
        <source>Documents</source>
        <translation>文书</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/documents_page.py" line="34" />
        <source>All documents</source>
        <translation>全部文书</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/documents_page.py" line="41" />
        <source>Number</source>
        <translation>文书编号</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/documents_page.py" line="41" />
        <source>(draft)</source>
        <translation>（草稿）</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/documents_page.py" line="42" />
        <source>Document</source>
        <translation>文书种类</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/documents_page.py" line="43" />
        <source>Enterprise</source>
        <translation>单位</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/documents_page.py" line="44" />
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/documents_page.py" line="45" />
        <source>Issued</source>
        <translation>签发时间</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/documents_page.py" line="46" />
        <source>Deadline</source>
        <translation>整改期限</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/documents_page.py" line="51" />
        <source>No enforcement documents yet.

After an inspection, the on-site inspection record and the order to rectify within a time limit are drafted, signed, issued with a number and printed here. This part is being connected now.</source>
        <translation>暂无执法文书。

现场检查结束后，《现场检查记录》《责令限期整改指令书》等文书将在这里生成、签名、编号签发并打印。该功能正在接入中。</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/documents_page.py" line="62" />
        <location filename="../../fieldapp/ui/documents_page.py" line="69" />
        <source>Preview</source>
        <translation>预览</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/documents_page.py" line="64" />
        <source>The A4 preview of the selected document will appear here.</source>
        <translation>所选文书的 A4 预览将显示在这里。</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/documents_page.py" line="69" />
        <source>Sign</source>
        <translation>签名</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/documents_page.py" line="69" />
        <source>Issue</source>
        <translation>签发</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/documents_page.py" line="70" />
        <source>Print</source>
        <translation>打印</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/documents_page.py" line="75" />
        <source>Preview, signing, issuing and printing are not available in this version yet.</source>
        <translation>文书预览、签名、签发和打印功能即将上线，当前版本暂不可用。</translation>
    </message>
</context>
<context>
    <name>EnterpriseDetailView</name>
    <message>
        <location filename="../../fieldapp/ui/enterprise_page.py" line="288" />
        <source>← Back to list</source>
        <translation>← 返回列表</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/enterprise_page.py" line="292" />
        <source>Save changes</source>
        <translation>保存修改</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/enterprise_page.py" line="293" />
        <source>Start inspection</source>
        <translation>开始检查</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/enterprise_page.py" line="307" />
        <source>Registry data</source>
        <translation>登记信息</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/enterprise_page.py" line="309" />
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/enterprise_page.py" line="310" />
        <source>Type</source>
        <translation>检查类型</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/enterprise_page.py" line="311" />
        <location filename="../../fieldapp/ui/enterprise_page.py" line="319" />
        <location filename="../../fieldapp/ui/enterprise_page.py" line="326" />
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/enterprise_page.py" line="311" />
        <source>In progress</source>
        <translation>进行中</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/enterprise_page.py" line="312" />
        <source>Completed</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/enterprise_page.py" line="313" />
        <source>Hazards found</source>
        <translation>发现隐患</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/enterprise_page.py" line="317" />
        <source>Hazard</source>
        <translation>隐患</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/enterprise_page.py" line="318" />
        <source>Grade</source>
        <translation>隐患等级</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/enterprise_page.py" line="320" />
        <source>Deadline</source>
        <translation>整改期限</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/enterprise_page.py" line="324" />
        <source>Number</source>
        <translation>文书编号</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/enterprise_page.py" line="324" />
        <source>(draft)</source>
        <translation>（草稿）</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/enterprise_page.py" line="325" />
        <source>Document</source>
        <translation>文书种类</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/enterprise_page.py" line="327" />
        <source>Issued</source>
        <translation>签发时间</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/enterprise_page.py" line="330" />
        <source>Inspections</source>
        <translation>检查记录</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/enterprise_page.py" line="331" />
        <source>Open hazards</source>
        <translation>未整改隐患</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/enterprise_page.py" line="332" />
        <source>Documents</source>
        <translation>文书</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/enterprise_page.py" line="444" />
        <source>Inspections (%1)</source>
        <translation>检查记录（%1）</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/enterprise_page.py" line="445" />
        <source>Open hazards (%1)</source>
        <translation>未整改隐患（%1）</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/enterprise_page.py" line="446" />
        <source>Documents (%1)</source>
        <translation>执法文书（%1）</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/enterprise_page.py" line="474" />
        <source>Nothing was changed.</source>
        <translation>没有需要保存的修改。</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/enterprise_page.py" line="479" />
        <source>Save this code anyway?</source>
        <translation>仍要保存该代码吗？</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/enterprise_page.py" line="487" />
        <source>Saved</source>
        <translation>已保存</translation>
    </message>
</context>
<context>
    <name>EnterpriseListView</name>
    <message>
        <location filename="../../fieldapp/ui/enterprise_page.py" line="149" />
        <source>Search name, address, person, USCC or pinyin (e.g. hdhg)</source>
        <translation>搜索单位名称、地址、人员、信用代码或拼音（如 hdhg）</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/enterprise_page.py" line="158" />
        <source>All townships</source>
        <translation>全部乡镇街道</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/enterprise_page.py" line="161" />
        <source>All industries</source>
        <translation>全部行业</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/enterprise_page.py" line="164" />
        <source>All risk levels</source>
        <translation>全部风险等级</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/enterprise_page.py" line="167" />
        <source>All special hazards</source>
        <translation>全部重点监管类型</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/enterprise_page.py" line="170" />
        <source>With open hazards</source>
        <translation>有未整改隐患</translation>
    </message>
    <message numerus="yes">
        <location filename="../../fieldapp/ui/enterprise_page.py" line="247" />
        <source>%n match(es)</source>
        <translation><numerusform>找到 %n 家</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../fieldapp/ui/enterprise_page.py" line="249" />
        <source>%n enterprise(s)</source>
        <translation><numerusform>共 %n 家单位</numerusform></translation>
    </message>
</context>
<context>
    <name>EnterpriseSummary</name>
    <message>
        <location filename="../../fieldapp/ui/enterprise_page.py" line="79" />
        <source>USCC</source>
        <translation>统一社会信用代码</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/enterprise_page.py" line="79" />
        <source>Legal representative</source>
        <translation>法定代表人</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/enterprise_page.py" line="80" />
        <source>Principal</source>
        <translation>主要负责人</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/enterprise_page.py" line="80" />
        <source>Phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/enterprise_page.py" line="80" />
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/enterprise_page.py" line="81" />
        <source>Township</source>
        <translation>乡镇街道</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/enterprise_page.py" line="81" />
        <source>Industry</source>
        <translation>行业类别</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/enterprise_page.py" line="81" />
        <source>Special hazards</source>
        <translation>重点监管类型</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/enterprise_page.py" line="82" />
        <source>Risk level</source>
        <translation>风险等级</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/enterprise_page.py" line="82" />
        <source>Employees</source>
        <translation>从业人数</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/enterprise_page.py" line="82" />
        <source>Business status</source>
        <translation>经营状态</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/enterprise_page.py" line="83" />
        <source>Inspections</source>
        <translation>检查记录</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/enterprise_page.py" line="83" />
        <source>Open hazards</source>
        <translation>未整改隐患</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/enterprise_page.py" line="97" />
        <source>Details / edit</source>
        <translation>详情 / 编辑</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/enterprise_page.py" line="98" />
        <source>Start inspection</source>
        <translation>开始检查</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/enterprise_page.py" line="113" />
        <source>Select an enterprise</source>
        <translation>请选择一家单位</translation>
    </message>
    <message numerus="yes">
        <location filename="../../fieldapp/ui/enterprise_page.py" line="130" />
        <source>%n inspection(s)</source>
        <translation><numerusform>共 %n 次检查</numerusform></translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/enterprise_page.py" line="131" />
        <source>, last on %1</source>
        <translation>，最近一次 %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../../fieldapp/ui/enterprise_page.py" line="135" />
        <source>%n open</source>
        <translation><numerusform>%n 项未闭环</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../fieldapp/ui/enterprise_page.py" line="137" />
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
    <name>EvidencePanel</name>
    <message>
        <location filename="../../fieldapp/ui/evidence_panel.py" line="54" />
        <location filename="../../fieldapp/ui/evidence_panel.py" line="109" />
        <source>Photos and recordings</source>
        <translation>现场照片和音视频</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/evidence_panel.py" line="56" />
        <source>Add photos…</source>
        <translation>添加照片…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/evidence_panel.py" line="70" />
        <location filename="../../fieldapp/ui/evidence_panel.py" line="105" />
        <source>Drop photo files here, or press “Add photos…”.</source>
        <translation>可将照片文件拖放到此处，或点击“添加照片…”。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../fieldapp/ui/evidence_panel.py" line="104" />
        <source>%n file(s) attached. Drop more files here to add them.</source>
        <translation><numerusform>已附 %n 个文件。可继续拖放文件到此处添加。</numerusform></translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/evidence_panel.py" line="108" />
        <source>Add photos</source>
        <translation>添加照片</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/evidence_panel.py" line="123" />
        <source>Importing photos…</source>
        <translation>正在导入照片…</translation>
    </message>
</context>
<context>
    <name>FindingDetail</name>
    <message>
        <location filename="../../fieldapp/ui/hazards_page.py" line="63" />
        <source>Next steps</source>
        <translation>下一步操作</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/hazards_page.py" line="68" />
        <source>Edit / photos</source>
        <translation>编辑 / 照片</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/hazards_page.py" line="69" />
        <location filename="../../fieldapp/ui/hazards_page.py" line="195" />
        <source>Order rectification</source>
        <translation>责令限期整改</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/hazards_page.py" line="70" />
        <source>Enterprise reports rectified</source>
        <translation>企业报告已整改</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/hazards_page.py" line="71" />
        <source>Re-inspect…</source>
        <translation>复查…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/hazards_page.py" line="72" />
        <source>Escalate (挂牌督办)</source>
        <translation>挂牌督办</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/hazards_page.py" line="73" />
        <source>Close (销号)</source>
        <translation>销号</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/hazards_page.py" line="74" />
        <source>Refer to another authority</source>
        <translation>移送其他机关</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/hazards_page.py" line="75" />
        <source>Void (recorded in error)</source>
        <translation>作废（误登记）</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/hazards_page.py" line="84" />
        <source>Rectification plan of a major hazard (五到位)</source>
        <translation>重大隐患整改方案（五到位）</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/hazards_page.py" line="92" />
        <source>Save plan</source>
        <translation>保存整改方案</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/hazards_page.py" line="97" />
        <source>Effect evaluation (整改效果评价)</source>
        <translation>整改效果评价</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/hazards_page.py" line="101" />
        <source>Save evaluation</source>
        <translation>保存效果评价</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/hazards_page.py" line="107" />
        <source>History</source>
        <translation>处理经过</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/hazards_page.py" line="119" />
        <source>Select a hazard</source>
        <translation>请选择一项隐患</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/hazards_page.py" line="132" />
        <source>Enterprise</source>
        <translation>单位</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/hazards_page.py" line="133" />
        <source>Grade</source>
        <translation>隐患等级</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/hazards_page.py" line="134" />
        <location filename="../../fieldapp/ui/hazards_page.py" line="141" />
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/hazards_page.py" line="135" />
        <source>Deadline</source>
        <translation>整改期限</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/hazards_page.py" line="136" />
        <source>Legal basis</source>
        <translation>依据</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/hazards_page.py" line="137" />
        <source>Requirement</source>
        <translation>整改要求</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/hazards_page.py" line="140" />
        <source>Campaign</source>
        <translation>专项整治</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/hazards_page.py" line="168" />
        <source>deadline</source>
        <translation>期限</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/hazards_page.py" line="195" />
        <source>Rectify by:</source>
        <translation>整改完成期限：</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/hazards_page.py" line="200" />
        <source>Escalate this major hazard to listed supervision (挂牌督办)?</source>
        <translation>确定对该重大隐患实行挂牌督办吗？</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/hazards_page.py" line="205" />
        <source>Close this hazard (销号)? This is final.</source>
        <translation>确定对该隐患销号吗？销号后不能撤回。</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/hazards_page.py" line="209" />
        <source>Refer</source>
        <translation>移送</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/hazards_page.py" line="209" />
        <source>Authority the hazard is referred to:</source>
        <translation>移送机关：</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/hazards_page.py" line="214" />
        <source>Void</source>
        <translation>作废</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/hazards_page.py" line="214" />
        <source>Why was this hazard recorded in error?</source>
        <translation>作废原因（为何属误登记）：</translation>
    </message>
</context>
<context>
    <name>FindingEditor</name>
    <message>
        <location filename="../../fieldapp/ui/finding_editor.py" line="47" />
        <source>Hazard</source>
        <translation>隐患</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/finding_editor.py" line="72" />
        <source>Where in the workplace (optional)</source>
        <translation>隐患所在部位（选填）</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/finding_editor.py" line="73" />
        <source>Legal basis:</source>
        <translation>依据：</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/finding_editor.py" line="74" />
        <source>Requirement:</source>
        <translation>整改要求：</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/finding_editor.py" line="75" />
        <source>Description:</source>
        <translation>隐患描述：</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/finding_editor.py" line="78" />
        <source>Deadline:</source>
        <translation>整改期限：</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/finding_editor.py" line="80" />
        <source>Grade:</source>
        <translation>隐患等级：</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/finding_editor.py" line="81" />
        <source>Location:</source>
        <translation>所在部位：</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/finding_editor.py" line="86" />
        <source>Order rectification by deadline</source>
        <translation>责令限期整改</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/finding_editor.py" line="87" />
        <location filename="../../fieldapp/ui/finding_editor.py" line="154" />
        <source>Rectified on the spot</source>
        <translation>当场整改完毕</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/finding_editor.py" line="88" />
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/finding_editor.py" line="89" />
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/finding_editor.py" line="108" />
        <source>(none recorded)</source>
        <translation>（未录入）</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/finding_editor.py" line="136" />
        <source>Hazard saved</source>
        <translation>隐患已保存</translation>
    </message>
</context>
<context>
    <name>FindingTableModel</name>
    <message>
        <location filename="../../fieldapp/ui/table_models.py" line="79" />
        <source> (overdue)</source>
        <translation>（逾期）</translation>
    </message>
</context>
<context>
    <name>HazardsPage</name>
    <message>
        <location filename="../../fieldapp/ui/hazards_page.py" line="244" />
        <source>Hazards</source>
        <translation>隐患</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/hazards_page.py" line="251" />
        <source>All statuses</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/hazards_page.py" line="255" />
        <source>All grades</source>
        <translation>全部等级</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/hazards_page.py" line="259" />
        <source>All townships</source>
        <translation>全部乡镇街道</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/hazards_page.py" line="263" />
        <source>All campaigns</source>
        <translation>全部专项整治</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/hazards_page.py" line="264" />
        <source>Overdue only</source>
        <translation>仅看逾期</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/hazards_page.py" line="265" />
        <source>Open only</source>
        <translation>仅看未闭环</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/hazards_page.py" line="276" />
        <source>Enterprise</source>
        <translation>单位</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/hazards_page.py" line="276" />
        <source>Hazard</source>
        <translation>隐患</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/hazards_page.py" line="276" />
        <source>Grade</source>
        <translation>隐患等级</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/hazards_page.py" line="277" />
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/hazards_page.py" line="277" />
        <source>Deadline</source>
        <translation>整改期限</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/hazards_page.py" line="277" />
        <source>Campaign</source>
        <translation>专项整治</translation>
    </message>
    <message numerus="yes">
        <location filename="../../fieldapp/ui/hazards_page.py" line="308" />
        <source>%n hazard(s)</source>
        <translation><numerusform>共 %n 项隐患</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../fieldapp/ui/hazards_page.py" line="309" />
        <source>, %n overdue</source>
        <translation><numerusform>，其中 %n 项逾期</numerusform></translation>
    </message>
</context>
<context>
    <name>HomePage</name>
    <message>
        <location filename="../../fieldapp/ui/home_page.py" line="33" />
        <source>Today</source>
        <translation>今日工作</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/home_page.py" line="40" />
        <source>inspections in progress</source>
        <translation>项检查进行中</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/home_page.py" line="41" />
        <source>overdue hazards</source>
        <translation>项隐患已逾期</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/home_page.py" line="42" />
        <source>hazards due soon</source>
        <translation>项隐患即将到期</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/home_page.py" line="43" />
        <source>major hazards under listed supervision</source>
        <translation>项重大隐患挂牌督办</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/home_page.py" line="44" />
        <source>last backup</source>
        <translation>最近备份</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/home_page.py" line="50" />
        <source>Inspections in progress and assigned</source>
        <translation>进行中和待执行的检查</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/home_page.py" line="53" />
        <location filename="../../fieldapp/ui/home_page.py" line="66" />
        <source>Enterprise</source>
        <translation>单位</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/home_page.py" line="54" />
        <source>Type</source>
        <translation>检查类型</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/home_page.py" line="55" />
        <source>Started</source>
        <translation>开始时间</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/home_page.py" line="61" />
        <source>No inspection in progress. Start one from “Enterprises”.</source>
        <translation>当前没有进行中的检查。请在“企业”中选择单位后开始检查。</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/home_page.py" line="63" />
        <source>Overdue and due-soon hazards</source>
        <translation>逾期和即将到期的隐患</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/home_page.py" line="67" />
        <source>Hazard</source>
        <translation>隐患</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/home_page.py" line="68" />
        <source>Deadline</source>
        <translation>整改期限</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/home_page.py" line="69" />
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message numerus="yes">
        <location filename="../../fieldapp/ui/home_page.py" line="116" />
        <source>hazards due within %n day(s)</source>
        <translation><numerusform>项隐患 %n 天内到期</numerusform></translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/home_page.py" line="122" />
        <source>last backup (sync not set up yet)</source>
        <translation>最近备份时间（同步功能尚未接入）</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/home_page.py" line="123" />
        <source>Last sync: never. Last backup: %1.</source>
        <translation>最近同步：尚未同步。最近备份：%1。</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/home_page.py" line="124" />
        <source>none yet</source>
        <translation>暂无</translation>
    </message>
</context>
<context>
    <name>InspectionOverview</name>
    <message>
        <location filename="../../fieldapp/ui/inspection_page.py" line="24" />
        <source>Inspections</source>
        <translation>检查记录</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/inspection_page.py" line="25" />
        <source>Open selected</source>
        <translation>打开所选检查</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/inspection_page.py" line="28" />
        <source>To start a new inspection, find the enterprise under “Enterprises” and press “Start inspection”.</source>
        <translation>新建检查：在“企业”中找到单位，点击“开始检查”。</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/inspection_page.py" line="34" />
        <source>Enterprise</source>
        <translation>单位</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/inspection_page.py" line="35" />
        <source>Type</source>
        <translation>检查类型</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/inspection_page.py" line="36" />
        <source>Started</source>
        <translation>开始时间</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/inspection_page.py" line="37" />
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/inspection_page.py" line="37" />
        <source>In progress</source>
        <translation>进行中</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/inspection_page.py" line="38" />
        <source>Completed</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/inspection_page.py" line="39" />
        <source>Hazards found</source>
        <translation>发现隐患</translation>
    </message>
</context>
<context>
    <name>InspectionPage</name>
    <message>
        <location filename="../../fieldapp/ui/inspection_page.py" line="73" />
        <source>← All inspections</source>
        <translation>← 全部检查</translation>
    </message>
</context>
<context>
    <name>InspectionWalker</name>
    <message>
        <location filename="../../fieldapp/ui/inspection_walker.py" line="63" />
        <source>Finish inspection</source>
        <translation>结束检查</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/inspection_walker.py" line="69" />
        <source>Code</source>
        <translation>编号</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/inspection_walker.py" line="69" />
        <source>Check</source>
        <translation>检查内容</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/inspection_walker.py" line="69" />
        <source>Result</source>
        <translation>检查结论</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/inspection_walker.py" line="105" />
        <source>Conforms</source>
        <translation>符合</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/inspection_walker.py" line="105" />
        <source>Does not conform</source>
        <translation>不符合</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/inspection_walker.py" line="106" />
        <source>Not applicable</source>
        <translation>不适用</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/inspection_walker.py" line="120" />
        <source>N: note for this item (Enter saves)</source>
        <translation>N：本项备注（回车保存）</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/inspection_walker.py" line="122" />
        <source>Open hazard</source>
        <translation>查看隐患</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/inspection_walker.py" line="126" />
        <source>Keys: 1 conforms · 2 does not conform · 3 not applicable · N note · ↑↓ move · Enter next</source>
        <translation>快捷键：1 符合 · 2 不符合 · 3 不适用 · N 备注 · ↑↓ 移动 · 回车 下一项</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/inspection_walker.py" line="158" />
        <source>Officers: %1</source>
        <translation>执法人员：%1</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/inspection_walker.py" line="165" />
        <source>Completed</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/inspection_walker.py" line="173" />
        <source>Checked %1/%2 · %3 not conforming</source>
        <translation>已检查 %1/%2 · 不符合 %3 项</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/inspection_walker.py" line="187" />
        <source>Method: %1</source>
        <translation>检查方式：%1</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/inspection_walker.py" line="188" />
        <source>Legal basis: %1</source>
        <translation>依据：%1</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/inspection_walker.py" line="190" />
        <source>Major hazard criterion: %1</source>
        <translation>重大隐患判定标准：%1</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/inspection_walker.py" line="244" />
        <source>Saving…</source>
        <translation>正在保存…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/inspection_walker.py" line="252" />
        <source>✓ Saved</source>
        <translation>✓ 已保存</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/inspection_walker.py" line="260" />
        <source>Not saved</source>
        <translation>未保存</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/inspection_walker.py" line="282" />
        <source>Checked %1 of %2 items; %3 hazard(s) found.</source>
        <translation>共检查 %2 项中的 %1 项，发现隐患 %3 项。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../fieldapp/ui/inspection_walker.py" line="289" />
        <source>%n item(s) not checked yet. Finish anyway?</source>
        <translation><numerusform>还有 %n 项未检查，仍要结束检查吗？</numerusform></translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/inspection_walker.py" line="298" />
        <source>Inspection completed</source>
        <translation>检查已结束</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../fieldapp/ui/main_window.py" line="42" />
        <source>fieldapp — Work-safety field inspection</source>
        <translation>fieldapp — 安全生产现场执法检查</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/main_window.py" line="58" />
        <source>Home</source>
        <translation>首页</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/main_window.py" line="58" />
        <source>Enterprises</source>
        <translation>企业</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/main_window.py" line="58" />
        <source>Inspection</source>
        <translation>检查</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/main_window.py" line="59" />
        <source>Hazards</source>
        <translation>隐患</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/main_window.py" line="59" />
        <source>Documents</source>
        <translation>文书</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/main_window.py" line="59" />
        <source>Sync</source>
        <translation>同步</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/main_window.py" line="60" />
        <source>Statistics</source>
        <translation>统计</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/main_window.py" line="60" />
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/main_window.py" line="87" />
        <source>Data directory: %1</source>
        <translation>数据目录：%1</translation>
    </message>
</context>
<context>
    <name>Operation</name>
    <message>
        <location filename="../../fieldapp/ui/tasks.py" line="202" />
        <source>Please wait</source>
        <translation>请稍候</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/tasks.py" line="209" />
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/tasks.py" line="254" />
        <source>Internal error: %1
The details were written to fieldapp.log in the data directory.</source>
        <translation>内部错误：%1
详细信息已写入数据目录中的 fieldapp.log，请联系技术支持。</translation>
    </message>
</context>
<context>
    <name>ReinspectionDialog</name>
    <message>
        <location filename="../../fieldapp/ui/reinspection_dialog.py" line="64" />
        <source>Re-inspection</source>
        <translation>复查</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/reinspection_dialog.py" line="67" />
        <source>Re-inspection: %1</source>
        <translation>整改复查：%1</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/reinspection_dialog.py" line="72" />
        <source>Officers (two or more)</source>
        <translation>执法人员（不少于两名）</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/reinspection_dialog.py" line="97" />
        <source>Hazard</source>
        <translation>隐患</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/reinspection_dialog.py" line="97" />
        <source>Result</source>
        <translation>检查结论</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/reinspection_dialog.py" line="97" />
        <source>New deadline</source>
        <translation>新整改期限</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/reinspection_dialog.py" line="97" />
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/reinspection_dialog.py" line="108" />
        <source>deadline</source>
        <translation>期限</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/reinspection_dialog.py" line="116" />
        <source>Not checked this time</source>
        <translation>本次不复查</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/reinspection_dialog.py" line="117" />
        <source>Rectified</source>
        <translation>已整改</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/reinspection_dialog.py" line="118" />
        <source>Not rectified: new deadline</source>
        <translation>未整改，重新限期</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/reinspection_dialog.py" line="120" />
        <source>Not rectified: escalate (挂牌督办)</source>
        <translation>未整改，挂牌督办</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/reinspection_dialog.py" line="136" />
        <source>This enterprise has no hazard waiting for re-inspection.</source>
        <translation>该单位没有待复查的隐患。</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/reinspection_dialog.py" line="145" />
        <source>Overall note (optional)</source>
        <translation>复查意见（选填）</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/reinspection_dialog.py" line="150" />
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/reinspection_dialog.py" line="151" />
        <source>Record re-inspection</source>
        <translation>保存复查结果</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/reinspection_dialog.py" line="175" />
        <source>Choose a result for at least one hazard.</source>
        <translation>请至少为一项隐患选择复查结论。</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/reinspection_dialog.py" line="179" />
        <source>Record the re-inspection anyway?</source>
        <translation>仍要保存复查结果吗？</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <location filename="../../fieldapp/ui/settings_page.py" line="51" />
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/settings_page.py" line="66" />
        <source>Issuing unit, documents and defaults</source>
        <translation>执法机关、文书和默认值</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/settings_page.py" line="52" />
        <source>Save settings</source>
        <translation>保存设置</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/settings_page.py" line="74" />
        <source>Officers</source>
        <translation>执法人员</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/settings_page.py" line="77" />
        <location filename="../../fieldapp/ui/settings_page.py" line="87" />
        <source>Certificate no.</source>
        <translation>执法证号</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/settings_page.py" line="77" />
        <location filename="../../fieldapp/ui/settings_page.py" line="85" />
        <source>Officer name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/settings_page.py" line="78" />
        <location filename="../../fieldapp/ui/settings_page.py" line="89" />
        <source>Unit</source>
        <translation>所在单位</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/settings_page.py" line="78" />
        <source>Phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/settings_page.py" line="93" />
        <source>Add officer</source>
        <translation>添加执法人员</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/settings_page.py" line="98" />
        <source>Data and backups</source>
        <translation>数据与备份</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/settings_page.py" line="100" />
        <source>Data directory: %1</source>
        <translation>数据目录：%1</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/settings_page.py" line="109" />
        <source>Back up now</source>
        <translation>立即备份</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/settings_page.py" line="110" />
        <source>Restore selected</source>
        <translation>从所选备份恢复</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/settings_page.py" line="111" />
        <source>Restore from file…</source>
        <translation>从文件恢复…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/settings_page.py" line="195" />
        <source>Nothing was changed.</source>
        <translation>没有需要保存的修改。</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/settings_page.py" line="201" />
        <source>Settings saved.</source>
        <translation>设置已保存。</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/settings_page.py" line="203" />
        <source>The new language applies after restarting fieldapp.</source>
        <translation>界面语言将在重新启动程序后生效。</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/settings_page.py" line="233" />
        <source>before restore</source>
        <translation>恢复前自动备份</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/settings_page.py" line="234" />
        <source>manual</source>
        <translation>手动备份</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/settings_page.py" line="234" />
        <source>automatic</source>
        <translation>自动备份</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/settings_page.py" line="244" />
        <source>Backing up…</source>
        <translation>正在备份…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/settings_page.py" line="245" />
        <source>Backup written: %1</source>
        <translation>已备份：%1</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/settings_page.py" line="250" />
        <source>Select a backup in the list first.</source>
        <translation>请先在列表中选择一个备份。</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/settings_page.py" line="255" />
        <source>Restore from backup file</source>
        <translation>从备份文件恢复</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/settings_page.py" line="256" />
        <source>fieldapp backup</source>
        <translation>fieldapp 备份文件</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/settings_page.py" line="261" />
        <source>Replace ALL data on this device with the backup %1?
The current data is backed up first, so this can be undone.</source>
        <translation>确定用备份 %1 替换本机的全部数据吗？
恢复前会先自动备份当前数据，必要时可以再恢复回来。</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/settings_page.py" line="266" />
        <source>Restoring…</source>
        <translation>正在恢复…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/settings_page.py" line="266" />
        <source>The backup was restored.</source>
        <translation>备份已恢复。</translation>
    </message>
</context>
<context>
    <name>StartInspectionView</name>
    <message>
        <location filename="../../fieldapp/ui/inspection_start.py" line="63" />
        <source>Name of the enterprise's person on site</source>
        <translation>企业现场负责人姓名</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/inspection_start.py" line="65" />
        <source>Special campaign tag (optional)</source>
        <translation>专项整治名称（选填）</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/inspection_start.py" line="68" />
        <source>Inspection type:</source>
        <translation>检查类型：</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/inspection_start.py" line="69" />
        <source>On-site representative:</source>
        <translation>企业现场负责人：</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/inspection_start.py" line="70" />
        <source>Campaign:</source>
        <translation>专项整治：</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/inspection_start.py" line="72" />
        <source>Unannounced (四不两直)</source>
        <translation>四不两直</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/inspection_start.py" line="73" />
        <source>Officers from another area</source>
        <translation>异地交叉执法</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/inspection_start.py" line="78" />
        <source>Officers (two or more)</source>
        <translation>执法人员（不少于两名）</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/inspection_start.py" line="90" />
        <source>Checklists (suggested for this enterprise first)</source>
        <translation>检查表（按适用程度排序）</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/inspection_start.py" line="101" />
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/inspection_start.py" line="102" />
        <source>Start inspection</source>
        <translation>开始检查</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/inspection_start.py" line="115" />
        <source>New inspection: %1</source>
        <translation>新建检查：%1</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/inspection_start.py" line="119" />
        <source>certificate</source>
        <translation>执法证号</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/inspection_start.py" line="129" />
        <source>industry</source>
        <translation>行业适用</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/inspection_start.py" line="129" />
        <source>special hazard</source>
        <translation>重点监管类型适用</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/inspection_start.py" line="129" />
        <source>general</source>
        <translation>通用</translation>
    </message>
    <message numerus="yes">
        <location filename="../../fieldapp/ui/inspection_start.py" line="132" />
        <source>%n item(s)</source>
        <translation><numerusform>%n 项</numerusform></translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/inspection_start.py" line="156" />
        <source>Choose at least one checklist.</source>
        <translation>请至少选择一张检查表。</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/inspection_start.py" line="159" />
        <source>Start the inspection anyway?</source>
        <translation>仍要开始检查吗？</translation>
    </message>
</context>
<context>
    <name>StatisticsPage</name>
    <message>
        <location filename="../../fieldapp/ui/statistics_page.py" line="120" />
        <source>Statistics</source>
        <translation>统计</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/statistics_page.py" line="121" />
        <source>Export to Excel…</source>
        <translation>导出 Excel…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/statistics_page.py" line="122" />
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/statistics_page.py" line="127" />
        <source>hazards found</source>
        <translation>项隐患（累计）</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/statistics_page.py" line="128" />
        <source>rectification rate (整改率)</source>
        <translation>整改率</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/statistics_page.py" line="129" />
        <source>overdue</source>
        <translation>项逾期</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/statistics_page.py" line="130" />
        <source>major hazards</source>
        <translation>项重大隐患</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/statistics_page.py" line="131" />
        <source>under listed supervision</source>
        <translation>项挂牌督办</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/statistics_page.py" line="139" />
        <source>Hazards</source>
        <translation>隐患</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/statistics_page.py" line="139" />
        <source>Rectified</source>
        <translation>已整改</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/statistics_page.py" line="139" />
        <source>Overdue</source>
        <translation>逾期</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/statistics_page.py" line="139" />
        <source>Township or industry</source>
        <translation>乡镇街道/行业</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/statistics_page.py" line="140" />
        <source>Rectification rate</source>
        <translation>整改率</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/statistics_page.py" line="149" />
        <source>Charts</source>
        <translation>图表</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/statistics_page.py" line="150" />
        <location filename="../../fieldapp/ui/statistics_page.py" line="213" />
        <source>By township</source>
        <translation>按乡镇街道</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/statistics_page.py" line="151" />
        <location filename="../../fieldapp/ui/statistics_page.py" line="213" />
        <source>By industry</source>
        <translation>按行业</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/statistics_page.py" line="185" />
        <source>Hazards by status</source>
        <translation>隐患状态分布</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/statistics_page.py" line="187" />
        <source>Hazards by grade</source>
        <translation>隐患等级分布</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/statistics_page.py" line="188" />
        <source>Rectification rate by township (%)</source>
        <translation>各乡镇街道整改率（%）</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/statistics_page.py" line="191" />
        <source>Rectification rate by industry (%)</source>
        <translation>各行业整改率（%）</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/statistics_page.py" line="204" />
        <source>Export statistics</source>
        <translation>导出统计表</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/statistics_page.py" line="205" />
        <source>Excel workbook</source>
        <translation>Excel 工作簿</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/statistics_page.py" line="216" />
        <source>Exporting…</source>
        <translation>正在导出…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/statistics_page.py" line="217" />
        <source>Exported to %1</source>
        <translation>已导出到 %1</translation>
    </message>
</context>
<context>
    <name>SyncPage</name>
    <message>
        <location filename="../../fieldapp/ui/sync_page.py" line="22" />
        <source>Sync with the office</source>
        <translation>与单位同步</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/sync_page.py" line="24" />
        <source>last sync</source>
        <translation>最近同步</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/sync_page.py" line="25" />
        <source>changes recorded on this device</source>
        <translation>本机变更序号</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/sync_page.py" line="26" />
        <source>last backup</source>
        <translation>最近备份</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/sync_page.py" line="31" />
        <source>Sync is not set up on this device yet.

Back at the office you will export this device's records as a sync bundle here, and import what the office sends: the enterprise registry, checklist updates, document-number blocks and assigned inspections.</source>
        <translation>本机尚未设置同步。

同步功能即将上线：回到单位后，可在这里将本机记录导出为同步包，并导入单位下发的企业名录、检查表更新、文书编号段和派发的检查任务。</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/sync_page.py" line="37" />
        <source>Export sync bundle…</source>
        <translation>导出同步包…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/sync_page.py" line="38" />
        <source>Import sync bundle…</source>
        <translation>导入同步包…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/sync_page.py" line="44" />
        <source>Document-number blocks on this device</source>
        <translation>本机文书编号段</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/sync_page.py" line="48" />
        <source>Document</source>
        <translation>文书种类</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/sync_page.py" line="49" />
        <source>Year</source>
        <translation>年度</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/sync_page.py" line="50" />
        <source>Serials</source>
        <translation>编号范围</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/sync_page.py" line="51" />
        <source>Remaining</source>
        <translation>剩余</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/sync_page.py" line="60" />
        <source>last sync (never)</source>
        <translation>最近同步（尚未同步）</translation>
    </message>
</context>
<context>
    <name>util</name>
    <message>
        <location filename="../../fieldapp/ui/util.py" line="30" />
        <source>Cannot do that</source>
        <translation>无法完成操作</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/util.py" line="34" />
        <source>Done</source>
        <translation>完成</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/util.py" line="38" />
        <source>Please confirm</source>
        <translation>请确认</translation>
    </message>
</context>
</TS>
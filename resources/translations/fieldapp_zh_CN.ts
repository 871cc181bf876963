<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN">
<context>
    <name>App</name>
    <message>
        <location filename="../../fieldapp/ui/app.py" line="134" />
        <source>Creating the demo county: enterprises…</source>
        <translation>正在生成演示县：单位…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/app.py" line="135" />
        <source>Creating the demo county: inspections and hazards…</source>
        <translation>正在生成演示县：检查记录和隐患…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/app.py" line="136" />
        <source>Creating the demo county: visits and demo notices…</source>
        <translation>正在生成演示县：现场检查和演示文书…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/app.py" line="137" />
        <source>Creating demo data…</source>
        <translation>正在生成演示数据…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/app.py" line="173" />
        <source>Demo data could not be created; see the log.</source>
        <translation>演示数据生成失败，详见日志。</translation>
    </message>
</context>
<context>
    <name>BarChart</name>
    <message>
        <location filename="../../fieldapp/ui/bar_chart.py" line="85" />
        <source>No data yet</source>
        <translation>暂无数据</translation>
    </message>
</context>
<context>
    <name>CameraDialog</name>
    <message>
        <location filename="../../fieldapp/ui/camera_dialog.py" line="60" />
        <source>Take photos</source>
        <translation>拍照</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/camera_dialog.py" line="79" />
        <source>Starting the camera…</source>
        <translation>正在启动摄像头…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/camera_dialog.py" line="84" />
        <source>Done</source>
        <translation>完成</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/camera_dialog.py" line="85" />
        <source>Take photo</source>
        <translation>拍照</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/camera_dialog.py" line="105" />
        <source>The photo could not be taken: %1</source>
        <translation>未能拍摄照片：%1</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/camera_dialog.py" line="116" />
        <source>No camera found on this device.</source>
        <translation>本机未找到摄像头。</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/camera_dialog.py" line="121" />
        <source>The camera reports a problem: %1</source>
        <translation>摄像头出现问题：%1</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/camera_dialog.py" line="124" />
        <source>Aim at the hazard and press “Take photo”. Each photo is added to the hazard.</source>
        <translation>对准隐患部位，按“拍照”。每张照片都会自动添加到该隐患。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../fieldapp/ui/camera_dialog.py" line="140" />
        <source>%n photo(s) taken and added to the hazard.</source>
        <translation><numerusform>已拍摄 %n 张照片，均已添加到该隐患。</numerusform></translation>
    </message>
</context>
<context>
    <name>CentralView</name>
    <message>
        <location filename="../../fieldapp/ui/sync_office.py" line="43" />
        <source>Field devices</source>
        <translation>执法终端</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/sync_office.py" line="47" />
        <source>Device</source>
        <translation>终端</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/sync_office.py" line="48" />
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/sync_office.py" line="49" />
        <source>Last bundle received</source>
        <translation>最近收到数据包</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/sync_office.py" line="50" />
        <source>Last bundle sent</source>
        <translation>最近发出数据包</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/sync_office.py" line="51" />
        <source>Changes to send</source>
        <translation>待发送变更</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/sync_office.py" line="60" />
        <source>Export for the selected device…</source>
        <translation>为所选终端导出数据包…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/sync_office.py" line="61" />
        <source>Import a bundle…</source>
        <translation>导入数据包…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/sync_office.py" line="70" />
        <source>Conflicting edits to review</source>
        <translation>待复核的修改冲突</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/sync_office.py" line="73" />
        <source>Restore the overwritten value</source>
        <translation>恢复被覆盖的值</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/sync_office.py" line="74" />
        <source>Keep the current value</source>
        <translation>保留当前值</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/sync_office.py" line="83" />
        <source>No conflicting edits: nothing to review.</source>
        <translation>没有修改冲突，无需复核。</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/sync_office.py" line="104" />
        <source>Conflicting edits to review (%1)</source>
        <translation>待复核的修改冲突（%1）</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/sync_office.py" line="129" />
        <source>Export the bundle for %1 to which folder?</source>
        <translation>将发给 %1 的数据包导出到哪个文件夹？</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/sync_office.py" line="143" />
        <source>Conflict resolved</source>
        <translation>冲突已处理</translation>
    </message>
</context>
<context>
    <name>ChecklistItemsModel</name>
    <message>
        <location filename="../../fieldapp/ui/table_models.py" line="218" />
        <source>[major] </source>
        <translation>【重大】</translation>
    </message>
</context>
<context>
    <name>ConflictModel</name>
    <message>
        <location filename="../../fieldapp/ui/sync_office.py" line="151" />
        <source>Record</source>
        <translation>记录</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/sync_office.py" line="152" />
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/sync_office.py" line="153" />
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/sync_office.py" line="154" />
        <source>Current value (kept)</source>
        <translation>当前值（已保留）</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/sync_office.py" line="155" />
        <source>Overwritten value</source>
        <translation>被覆盖的值</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/sync_office.py" line="156" />
        <source>Detected</source>
        <translation>发现时间</translation>
    </message>
</context>
<context>
    <name>DeviceView</name>
    <message>
        <location filename="../../fieldapp/ui/sync_page.py" line="86" />
        <location filename="../../fieldapp/ui/sync_page.py" line="117" />
        <source>changes not yet at the office</source>
        <translation>条变更尚未同步到单位</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/sync_page.py" line="87" />
        <source>last export</source>
        <translation>最近导出</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/sync_page.py" line="88" />
        <source>last import</source>
        <translation>最近导入</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/sync_page.py" line="97" />
        <source>Export to USB stick / folder…</source>
        <translation>导出到U盘/文件夹…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/sync_page.py" line="98" />
        <source>Import a bundle…</source>
        <translation>导入数据包…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/sync_page.py" line="114" />
        <source>all synced with the office</source>
        <translation>已全部同步到单位</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/sync_page.py" line="122" />
        <source>This device: %1 · office: %2</source>
        <translation>本终端：%1 · 所属单位：%2</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/sync_page.py" line="126" />
        <source>Export the bundle to which folder (USB stick)?</source>
        <translation>将数据包导出到哪个文件夹（U盘）？</translation>
    </message>
</context>
<context>
    <name>DocumentFlow</name>
    <message>
        <location filename="../../fieldapp/ui/document_flow.py" line="87" />
        <source>Enforcement document — %1</source>
        <translation>执法文书 — %1</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/document_flow.py" line="103" />
        <source>Replaces the voided notice %1</source>
        <translation>替代已作废的文书 %1</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/document_flow.py" line="110" />
        <source>Signatures</source>
        <translation>签名</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/document_flow.py" line="114" />
        <source>Officer %1</source>
        <translation>执法人员 %1</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/document_flow.py" line="122" />
        <source>Enterprise's representative:</source>
        <translation>被检查单位负责人：</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/document_flow.py" line="141" />
        <source>Keys: F5 preview · Ctrl+R refusal to sign · Ctrl+Enter issue · Ctrl+P print · Ctrl+Shift+P print… · Ctrl+wheel or Ctrl+=/− zoom, Ctrl+0 page width · Esc close</source>
        <translation>快捷键：F5 刷新预览 · Ctrl+R 拒签 · Ctrl+Enter 签发 · Ctrl+P 打印 · Ctrl+Shift+P 选择打印机 · Ctrl+滚轮 或 Ctrl+=/− 缩放，Ctrl+0 适合页宽 · Esc 关闭</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/document_flow.py" line="159" />
        <source>Refresh preview</source>
        <translation>刷新预览</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/document_flow.py" line="160" />
        <source>Issue</source>
        <translation>签发</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/document_flow.py" line="161" />
        <source>Print</source>
        <translation>打印</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/document_flow.py" line="162" />
        <source>Print…</source>
        <translation>打印…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/document_flow.py" line="163" />
        <source>Save PDF…</source>
        <translation>导出PDF…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/document_flow.py" line="164" />
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/document_flow.py" line="236" />
        <source>The notice was changed: press F5 to refresh the preview.</source>
        <translation>文书内容已修改，请按 F5 刷新预览。</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/document_flow.py" line="256" />
        <source>Enterprise's representative</source>
        <translation>被检查单位负责人</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/document_flow.py" line="320" />
        <source>Drawing the preview…</source>
        <translation>正在生成预览…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/document_flow.py" line="330" />
        <source>Preview of the draft: check it with the enterprise, sign, then issue.</source>
        <translation>草稿预览：请与被检查单位核对，签名后签发。</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/document_flow.py" line="345" />
        <source>the enterprise's representative</source>
        <translation>被检查单位负责人</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/document_flow.py" line="346" />
        <source>Not signed on screen: %1. They will sign the printed notice in ink. Issue now?</source>
        <translation>以下人员未在屏幕上签名：%1。签发后须在打印的文书上手写签名。现在签发？</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/document_flow.py" line="364" />
        <source>Issuing the notice (number, signature)…</source>
        <translation>正在签发文书（编号、电子签章）…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/document_flow.py" line="373" />
        <source>Issued: %1</source>
        <translation>已签发：%1</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/document_flow.py" line="375" />
        <source>The notice is issued and signed. Print it for the enterprise and the file.</source>
        <translation>文书已签发并加盖电子签章，请打印交被检查单位并存档。</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/document_flow.py" line="380" />
        <source>Issued %1</source>
        <translation>已签发 %1</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/document_flow.py" line="398" />
        <source>Sent to %1</source>
        <translation>已发送到 %1</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/document_flow.py" line="403" />
        <source>Save PDF</source>
        <translation>导出PDF</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/document_flow.py" line="416" />
        <source>Saved %1</source>
        <translation>已保存 %1</translation>
    </message>
</context>
<context>
    <name>DocumentsPage</name>
    <message>
        <location filename="../../fieldapp/ui/documents_page.py" line="110" />
        <source>Documents</source>
        <translation>文书</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/documents_page.py" line="113" />
        <source>Search: enterprise name or document number</source>
        <translation>搜索：单位名称或文书编号</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/documents_page.py" line="119" />
        <source>All states</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/documents_page.py" line="124" />
        <source>All documents</source>
        <translation>全部文书</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/documents_page.py" line="127" />
        <source>Verify a document…</source>
        <translation>核验文书…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/documents_page.py" line="134" />
        <source>Number</source>
        <translation>文书编号</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/documents_page.py" line="134" />
        <source>(draft)</source>
        <translation>（草稿）</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/documents_page.py" line="136" />
        <source>Document</source>
        <translation>文书种类</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/documents_page.py" line="135" />
        <source>Enterprise</source>
        <translation>单位</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/documents_page.py" line="137" />
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/documents_page.py" line="148" />
        <source>No enforcement documents yet.

At the end of an inspection, or from a hazard's “Order rectification”, the on-site inspection record and the rectification order are drafted, signed on screen, issued with a number and printed.</source>
        <translation>暂无执法文书。

检查结束时，或在隐患的“责令限期整改”中，起草现场检查记录和责令限期整改指令书，现场签名、签发编号并打印。</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/documents_page.py" line="151" />
        <source>No document matches the search or the filters.</source>
        <translation>没有符合搜索或筛选条件的文书。</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/documents_page.py" line="170" />
        <location filename="../../fieldapp/ui/documents_page.py" line="259" />
        <source>Select a document to see its A4 copy.</source>
        <translation>选择一份文书，查看其 A4 文本。</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/documents_page.py" line="174" />
        <source>Continue draft</source>
        <translation>继续签发草稿</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/documents_page.py" line="176" />
        <source>Print…</source>
        <translation>打印…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/documents_page.py" line="177" />
        <source>Save PDF…</source>
        <translation>导出PDF…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/documents_page.py" line="178" />
        <source>Void…</source>
        <translation>作废…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/documents_page.py" line="179" />
        <source>Void and re-issue…</source>
        <translation>作废并重新签发…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/documents_page.py" line="266" />
        <source>Voided: %1</source>
        <translation>已作废：%1</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/documents_page.py" line="270" />
        <source>A draft: press “Continue draft” to preview, sign and issue it.</source>
        <translation>草稿：按“继续签发草稿”预览、签名并签发。</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/documents_page.py" line="276" />
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/documents_page.py" line="308" />
        <source>Open this draft from its re-inspection.</source>
        <translation>请从对应的复查记录中打开此草稿。</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/documents_page.py" line="321" />
        <source>This document is voided. Print it anyway (for the file)?</source>
        <translation>该文书已作废。仍要打印（存档用）吗？</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/documents_page.py" line="325" />
        <source>Sent to %1</source>
        <translation>已发送到 %1</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/documents_page.py" line="330" />
        <source>Save PDF</source>
        <translation>导出PDF</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/documents_page.py" line="341" />
        <source>Void %1</source>
        <translation>作废 %1</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/documents_page.py" line="342" />
        <source>Why is this notice voided? (required, printed in the record)</source>
        <translation>作废原因（必填，记入执法记录）：</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/documents_page.py" line="351" />
        <source>Voided %1</source>
        <translation>已作废 %1</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/documents_page.py" line="355" />
        <source>This notice has no inspection; draft its replacement from the inspection.</source>
        <translation>该文书没有对应的检查记录，请从检查中起草替代文书。</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/documents_page.py" line="364" />
        <source>Verify a document</source>
        <translation>核验文书</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/documents_page.py" line="378" />
        <source>Verifying…</source>
        <translation>正在核验…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/documents_page.py" line="161" />
        <location filename="../../fieldapp/ui/documents_page.py" line="257" />
        <source>Preview</source>
        <translation>预览</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/documents_page.py" line="138" />
        <source>Issued on</source>
        <translation>签发日期</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/documents_page.py" line="175" />
        <source>Print</source>
        <translation>打印</translation>
    </message>
</context>
<context>
    <name>EnterpriseDetailView</name>
    <message>
        <location filename="../../fieldapp/ui/enterprise_detail.py" line="100" />
        <source>← Back to list</source>
        <translation>← 返回列表</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/enterprise_detail.py" line="104" />
        <source>Save changes</source>
        <translation>保存修改</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/enterprise_detail.py" line="105" />
        <source>Start inspection</source>
        <translation>开始检查</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/enterprise_detail.py" line="119" />
        <source>Registry data</source>
        <translation>登记信息</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/enterprise_detail.py" line="121" />
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/enterprise_detail.py" line="122" />
        <source>Type</source>
        <translation>检查类型</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/enterprise_detail.py" line="123" />
        <location filename="../../fieldapp/ui/enterprise_detail.py" line="131" />
        <location filename="../../fieldapp/ui/enterprise_detail.py" line="138" />
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/enterprise_detail.py" line="123" />
        <source>In progress</source>
        <translation>进行中</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/enterprise_detail.py" line="124" />
        <source>Completed</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/enterprise_detail.py" line="125" />
        <source>Hazards found</source>
        <translation>发现隐患</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/enterprise_detail.py" line="129" />
        <source>Hazard</source>
        <translation>隐患</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/enterprise_detail.py" line="130" />
        <source>Grade</source>
        <translation>隐患等级</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/enterprise_detail.py" line="132" />
        <source>Deadline</source>
        <translation>整改期限</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/enterprise_detail.py" line="136" />
        <source>Number</source>
        <translation>文书编号</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/enterprise_detail.py" line="136" />
        <source>(draft)</source>
        <translation>（草稿）</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/enterprise_detail.py" line="137" />
        <source>Document</source>
        <translation>文书种类</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/enterprise_detail.py" line="139" />
        <source>Issued</source>
        <translation>签发时间</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/enterprise_detail.py" line="142" />
        <source>Inspections</source>
        <translation>检查记录</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/enterprise_detail.py" line="143" />
        <source>Open hazards</source>
        <translation>未整改隐患</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/enterprise_detail.py" line="144" />
        <source>Documents</source>
        <translation>文书</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/enterprise_detail.py" line="279" />
        <source>Inspections (%1)</source>
        <translation>检查记录（%1）</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/enterprise_detail.py" line="280" />
        <source>Open hazards (%1)</source>
        <translation>未整改隐患（%1）</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/enterprise_detail.py" line="281" />
        <source>Documents (%1)</source>
        <translation>执法文书（%1）</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/enterprise_detail.py" line="316" />
        <source>Nothing was changed.</source>
        <translation>没有需要保存的修改。</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/enterprise_detail.py" line="341" />
        <source>The changes to %1 are not saved yet.</source>
        <translation>对“%1”的修改尚未保存。</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/enterprise_detail.py" line="334" />
        <source>Saved</source>
        <translation>已保存</translation>
    </message>
</context>
<context>
    <name>EnterpriseListView</name>
    <message>
        <location filename="../../fieldapp/ui/enterprise_page.py" line="130" />
        <source>Search name, address, person, USCC or pinyin (e.g. hdhg)</source>
        <translation>搜索单位名称、地址、人员、信用代码或拼音（如 hdhg）</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/enterprise_page.py" line="135" />
        <source>New enterprise</source>
        <translation>新增单位</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/enterprise_page.py" line="137" />
        <source>Register an enterprise met on site that is not in the registry</source>
        <translation>登记现场发现、名录中没有的单位</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/enterprise_page.py" line="143" />
        <source>All townships</source>
        <translation>全部乡镇街道</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/enterprise_page.py" line="146" />
        <source>All industries</source>
        <translation>全部行业</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/enterprise_page.py" line="149" />
        <source>All risk levels</source>
        <translation>全部风险等级</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/enterprise_page.py" line="152" />
        <source>All special hazards</source>
        <translation>全部重点监管类型</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/enterprise_page.py" line="155" />
        <source>With open hazards</source>
        <translation>有未整改隐患</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/enterprise_page.py" line="214" />
        <source>Ctrl+Enter</source>
        <translation>Ctrl+Enter</translation>
    </message>
    <message numerus="yes">
        <location filename="../../fieldapp/ui/enterprise_page.py" line="249" />
        <source>%n match(es)</source>
        <translation><numerusform>找到 %n 家</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../fieldapp/ui/enterprise_page.py" line="251" />
        <source>%n enterprise(s)</source>
        <translation><numerusform>共 %n 家单位</numerusform></translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/enterprise_page.py" line="254" />
        <source>No enterprise matches “%1”.</source>
        <translation>名录中没有与“%1”匹配的单位。</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/enterprise_page.py" line="255" />
        <source>Register “%1” as a new enterprise</source>
        <translation>新增单位“%1”</translation>
    </message>
</context>
<context>
    <name>EnterpriseSummary</name>
    <message>
        <location filename="../../fieldapp/ui/enterprise_page.py" line="62" />
        <source>USCC</source>
        <translation>统一社会信用代码</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/enterprise_page.py" line="62" />
        <source>Legal representative / operator</source>
        <translation>法定代表人/经营者</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/enterprise_page.py" line="63" />
        <source>Principal</source>
        <translation>主要负责人</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/enterprise_page.py" line="63" />
        <source>Phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/enterprise_page.py" line="63" />
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/enterprise_page.py" line="64" />
        <source>Township</source>
        <translation>乡镇街道</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/enterprise_page.py" line="64" />
        <source>Industry</source>
        <translation>行业类别</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/enterprise_page.py" line="64" />
        <source>Special hazards</source>
        <translation>重点监管类型</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/enterprise_page.py" line="65" />
        <source>Risk level</source>
        <translation>风险等级</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/enterprise_page.py" line="65" />
        <source>Employees</source>
        <translation>从业人数</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/enterprise_page.py" line="65" />
        <source>Business status</source>
        <translation>经营状态</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/enterprise_page.py" line="66" />
        <source>Inspections</source>
        <translation>检查记录</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/enterprise_page.py" line="66" />
        <source>Open hazards</source>
        <translation>未整改隐患</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/enterprise_page.py" line="80" />
        <source>Details / edit</source>
        <translation>详情 / 编辑</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/enterprise_page.py" line="81" />
        <source>Start inspection</source>
        <translation>开始检查</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/enterprise_page.py" line="96" />
        <source>Select an enterprise</source>
        <translation>请选择一家单位</translation>
    </message>
    <message numerus="yes">
        <location filename="../../fieldapp/ui/enterprise_page.py" line="115" />
        <source>%n inspection(s)</source>
        <translation><numerusform>共 %n 次检查</numerusform></translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/enterprise_page.py" line="116" />
        <source>, last on %1</source>
        <translation>，最近一次 %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../../fieldapp/ui/enterprise_page.py" line="117" />
        <source>%n open</source>
        <translation><numerusform>%n 项未闭环</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../fieldapp/ui/enterprise_page.py" line="119" />
        <source>, %n overdue</source>
        <translation><numerusform>，其中 %n 项逾期</numerusform></translation>
    </message>
</context>
<context>
    <name>EnterpriseTableModel</name>
    <message>
        <location filename="../../fieldapp/ui/enterprise_model.py" line="31" />
        <source>Name</source>
        <translation>单位名称</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/enterprise_model.py" line="31" />
        <source>USCC</source>
        <translation>统一社会信用代码</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/enterprise_model.py" line="31" />
        <source>Township</source>
        <translation>乡镇街道</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/enterprise_model.py" line="31" />
        <source>Industry</source>
        <translation>行业类别</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/enterprise_model.py" line="32" />
        <source>Risk level</source>
        <translation>风险等级</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/enterprise_model.py" line="32" />
        <source>Legal representative</source>
        <translation>法定代表人</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/enterprise_model.py" line="103" />
        <source>The check character of this code is wrong; please verify it</source>
        <translation>该代码校验位不符，请核对</translation>
    </message>
</context>
<context>
    <name>ErrorReporter</name>
    <message>
        <location filename="../../fieldapp/ui/crash.py" line="67" />
        <source>An internal error occurred: %1

The details were written to %2. Your saved work is safe; if it happens again, please send that file to your support staff.</source>
        <translation>程序发生内部错误：%1

详细信息已写入 %2。已保存的数据不受影响；如果再次出现，请把该文件发给技术支持人员。</translation>
    </message>
</context>
<context>
    <name>EvidencePanel</name>
    <message>
        <location filename="../../fieldapp/ui/evidence_panel.py" line="61" />
        <location filename="../../fieldapp/ui/evidence_panel.py" line="204" />
        <source>Photos and recordings</source>
        <translation>现场照片和音视频</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/evidence_panel.py" line="63" />
        <source>Add photos…</source>
        <translation>添加照片…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/evidence_panel.py" line="64" />
        <source>Take photo</source>
        <translation>拍照</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/evidence_panel.py" line="67" />
        <source>Annotate photo</source>
        <translation>标注照片</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/evidence_panel.py" line="88" />
        <location filename="../../fieldapp/ui/evidence_panel.py" line="200" />
        <source>Drop photo files here, or press “Add photos…”.</source>
        <translation>可将照片文件拖放到此处，或点击“添加照片…”。</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/evidence_panel.py" line="93" />
        <source>No camera was found on this device: take the photos with a camera or phone and add them with “Add photos…”.</source>
        <translation>本机未检测到摄像头，无法直接拍照：请用相机或手机拍摄后，通过“添加照片…”导入。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../fieldapp/ui/evidence_panel.py" line="199" />
        <source>%n file(s) attached. Drop more files here to add them.</source>
        <translation><numerusform>已附 %n 个文件。可继续拖放文件到此处添加。</numerusform></translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/evidence_panel.py" line="203" />
        <source>Add photos</source>
        <translation>添加照片</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/evidence_panel.py" line="226" />
        <source>Importing photos…</source>
        <translation>正在导入照片…</translation>
    </message>
</context>
<context>
    <name>FindingDetail</name>
    <message>
        <location filename="../../fieldapp/ui/hazards_page.py" line="73" />
        <source>Next steps</source>
        <translation>下一步操作</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/hazards_page.py" line="78" />
        <source>Edit / photos</source>
        <translation>编辑 / 照片</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/hazards_page.py" line="79" />
        <location filename="../../fieldapp/ui/hazards_page.py" line="211" />
        <source>Order rectification</source>
        <translation>责令限期整改</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/hazards_page.py" line="80" />
        <source>Enterprise reports rectified</source>
        <translation>企业报告已整改</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/hazards_page.py" line="81" />
        <source>Re-inspect…</source>
        <translation>复查…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/hazards_page.py" line="82" />
        <source>Escalate (挂牌督办)</source>
        <translation>挂牌督办</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/hazards_page.py" line="83" />
        <source>Close (销号)</source>
        <translation>销号</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/hazards_page.py" line="84" />
        <source>Refer to another authority</source>
        <translation>移送其他机关</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/hazards_page.py" line="85" />
        <source>Void (recorded in error)</source>
        <translation>作废（误登记）</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/hazards_page.py" line="94" />
        <source>Rectification plan of a major hazard (五到位)</source>
        <translation>重大隐患整改方案（五到位）</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/hazards_page.py" line="102" />
        <source>Save plan</source>
        <translation>保存整改方案</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/hazards_page.py" line="107" />
        <source>Effect evaluation (整改效果评价)</source>
        <translation>整改效果评价</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/hazards_page.py" line="111" />
        <source>Save evaluation</source>
        <translation>保存效果评价</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/hazards_page.py" line="117" />
        <source>History</source>
        <translation>处理经过</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/hazards_page.py" line="133" />
        <source>Select a hazard</source>
        <translation>请选择一项隐患</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/hazards_page.py" line="143" />
        <source>Enterprise</source>
        <translation>单位</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/hazards_page.py" line="144" />
        <source>Grade</source>
        <translation>隐患等级</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/hazards_page.py" line="145" />
        <location filename="../../fieldapp/ui/hazards_page.py" line="152" />
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/hazards_page.py" line="146" />
        <source>Deadline</source>
        <translation>整改期限</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/hazards_page.py" line="147" />
        <source>Legal basis</source>
        <translation>依据</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/hazards_page.py" line="148" />
        <source>Requirement</source>
        <translation>整改要求</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/hazards_page.py" line="151" />
        <source>Campaign</source>
        <translation>专项整治</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/hazards_page.py" line="170" />
        <source>deadline</source>
        <translation>期限</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/hazards_page.py" line="211" />
        <source>Rectify by:</source>
        <translation>整改完成期限：</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/hazards_page.py" line="216" />
        <source>Escalate this major hazard to listed supervision (挂牌督办)?</source>
        <translation>确定对该重大隐患实行挂牌督办吗？</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/hazards_page.py" line="221" />
        <source>Close this hazard (销号)? This is final.</source>
        <translation>确定对该隐患销号吗？销号后不能撤回。</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/hazards_page.py" line="225" />
        <source>Refer</source>
        <translation>移送</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/hazards_page.py" line="225" />
        <source>Authority the hazard is referred to:</source>
        <translation>移送机关：</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/hazards_page.py" line="230" />
        <source>Void</source>
        <translation>作废</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/hazards_page.py" line="230" />
        <source>Why was this hazard recorded in error?</source>
        <translation>作废原因（为何属误登记）：</translation>
    </message>
</context>
<context>
    <name>FindingEditor</name>
    <message>
        <location filename="../../fieldapp/ui/finding_editor.py" line="43" />
        <source>Hazard</source>
        <translation>隐患</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/finding_editor.py" line="73" />
        <source>Where in the workplace (optional)</source>
        <translation>隐患所在部位（选填）</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/finding_editor.py" line="74" />
        <source>Legal basis:</source>
        <translation>依据：</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/finding_editor.py" line="75" />
        <source>Requirement:</source>
        <translation>整改要求：</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/finding_editor.py" line="76" />
        <source>Description:</source>
        <translation>隐患描述：</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/finding_editor.py" line="79" />
        <source>Deadline:</source>
        <translation>整改期限：</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/finding_editor.py" line="81" />
        <source>Grade:</source>
        <translation>隐患等级：</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/finding_editor.py" line="82" />
        <source>Location:</source>
        <translation>所在部位：</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/finding_editor.py" line="88" />
        <source>Order rectification by deadline</source>
        <translation>责令限期整改</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/finding_editor.py" line="89" />
        <location filename="../../fieldapp/ui/finding_editor.py" line="227" />
        <source>Rectified on the spot</source>
        <translation>当场整改完毕</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/finding_editor.py" line="90" />
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/finding_editor.py" line="91" />
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/finding_editor.py" line="95" />
        <source>Ctrl+Enter: draft the rectification order for this hazard</source>
        <translation>Ctrl+Enter：为该隐患起草责令限期整改指令书</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/finding_editor.py" line="115" />
        <source>(none recorded)</source>
        <translation>（未录入）</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/finding_editor.py" line="158" />
        <source>Hazard saved</source>
        <translation>隐患已保存</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/finding_editor.py" line="164" />
        <source>The changes to this hazard are not saved yet.</source>
        <translation>对该隐患的修改尚未保存。</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/finding_editor.py" line="215" />
        <source>This hazard was not recorded in an inspection; order it from the hazards page.</source>
        <translation>该隐患不属于某次检查，请在“隐患”页面责令整改。</translation>
    </message>
</context>
<context>
    <name>FindingTableModel</name>
    <message>
        <location filename="../../fieldapp/ui/table_models.py" line="99" />
        <source> (overdue)</source>
        <translation>（逾期）</translation>
    </message>
</context>
<context>
    <name>FirstStartPage</name>
    <message>
        <location filename="../../fieldapp/ui/first_start.py" line="56" />
        <source>Welcome to fieldapp</source>
        <translation>欢迎使用乡镇安全生产现场执法终端</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/first_start.py" line="57" />
        <source>This data directory is new and still empty:
%1
Choose how to start.</source>
        <translation>这是一个新的数据目录，目前还没有数据：
%1
请选择如何开始：</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/first_start.py" line="67" />
        <source>Import the enrolment file (enrol)…</source>
        <translation>导入注册文件…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/first_start.py" line="68" />
        <source>The office gives each laptop an enrolment file (*.faenrol) in person. With it this installation becomes a field device: it receives the registry, the officers, the checklists and its document numbers, and can sync with the office.</source>
        <translation>单位（中心端）为每台执法终端当面发放注册文件（*.faenrol）。导入后本机成为执法终端：收到单位名录、执法人员、检查表和文书编号段，并可与单位同步数据。</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/first_start.py" line="71" />
        <source>Import an enterprise registry…</source>
        <translation>导入单位名录…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/first_start.py" line="72" />
        <source>An Excel or CSV list of enterprises (columns such as 单位名称, 统一社会信用代码, 地址). You can enrol with the office later: the imported enterprises are kept and merge with the office's by USCC.</source>
        <translation>Excel 或 CSV 格式的单位名录（列名如 单位名称、统一社会信用代码、地址）。以后仍可注册本机：已导入的单位会保留，并按统一社会信用代码与单位的名录合并。</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/first_start.py" line="74" />
        <source>Open the demo</source>
        <translation>打开演示</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/first_start.py" line="75" />
        <source>A demo county with 600 enterprises, hazards and issued demo notices, in its own demo directory and its own window, marked 演示. Nothing is written into this data directory.</source>
        <translation>一个示范县：600 家单位、隐患和已签发的演示文书。演示数据放在单独的演示目录中，在单独的窗口里打开，并标有“演示”；不会向本数据目录写入任何数据。</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/first_start.py" line="85" />
        <source>Start with an empty registry</source>
        <translation>暂不导入，直接进入</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/first_start.py" line="115" />
        <source>Enrolment file</source>
        <translation>注册文件</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/first_start.py" line="126" />
        <source>Enrolled as %1 with %2.</source>
        <translation>已注册为 %1，所属单位：%2。</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/first_start.py" line="130" />
        <source>Enrolling…</source>
        <translation>正在注册…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/first_start.py" line="135" />
        <source>Enterprise registry</source>
        <translation>单位名录</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/first_start.py" line="148" />
        <source>%1 of %2 rows cannot be imported, for example row %3: %4

Import the other rows now? The rejected rows are written next to the file (*.rejects.csv) with their reasons.</source>
        <translation>%2 行中有 %1 行无法导入，例如第 %3 行：%4

是否先导入其余各行？无法导入的行及原因会写入名录文件旁的 *.rejects.csv 文件。</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/first_start.py" line="154" />
        <source>Imported %1 enterprises (%2 new, %3 updated).</source>
        <translation>已导入 %1 家单位（新增 %2 家，更新 %3 家）。</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/first_start.py" line="158" />
        <source>Rejected rows: %1</source>
        <translation>未导入的行：%1</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/first_start.py" line="162" />
        <source>Importing the registry…</source>
        <translation>正在导入单位名录…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/first_start.py" line="170" />
        <source>The demo opens in its own window (the first time it takes a few seconds to create). This window stays on the real, empty data directory.</source>
        <translation>演示在单独的窗口中打开（第一次需要几秒钟生成演示数据）。本窗口仍使用正式的（空）数据目录。</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/first_start.py" line="173" />
        <source>The demo could not be started.</source>
        <translation>无法启动演示。</translation>
    </message>
</context>
<context>
    <name>HazardsPage</name>
    <message>
        <location filename="../../fieldapp/ui/hazards_page.py" line="254" />
        <source>Hazards</source>
        <translation>隐患</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/hazards_page.py" line="261" />
        <source>All statuses</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/hazards_page.py" line="265" />
        <source>All grades</source>
        <translation>全部等级</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/hazards_page.py" line="269" />
        <source>All townships</source>
        <translation>全部乡镇街道</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/hazards_page.py" line="273" />
        <source>All campaigns</source>
        <translation>全部专项整治</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/hazards_page.py" line="274" />
        <source>Overdue only</source>
        <translation>仅看逾期</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/hazards_page.py" line="275" />
        <source>Open only</source>
        <translation>仅看未闭环</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/hazards_page.py" line="286" />
        <source>Enterprise</source>
        <translation>单位</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/hazards_page.py" line="286" />
        <source>Hazard</source>
        <translation>隐患</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/hazards_page.py" line="286" />
        <source>Grade</source>
        <translation>隐患等级</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/hazards_page.py" line="287" />
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/hazards_page.py" line="287" />
        <source>Deadline</source>
        <translation>整改期限</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/hazards_page.py" line="287" />
        <source>Campaign</source>
        <translation>专项整治</translation>
    </message>
    <message numerus="yes">
        <location filename="../../fieldapp/ui/hazards_page.py" line="319" />
        <source>%n hazard(s)</source>
        <translation><numerusform>共 %n 项隐患</numerusform></translation>
    </message>
    <message numerus="yes">
        <location filename="../../fieldapp/ui/hazards_page.py" line="320" />
        <source>, %n overdue</source>
        <translation><numerusform>，其中 %n 项逾期</numerusform></translation>
    </message>
</context>
<context>
    <name>HomePage</name>
    <message>
        <location filename="../../fieldapp/ui/home_page.py" line="25" />
        <source>Today</source>
        <translation>今日工作</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/home_page.py" line="32" />
        <source>inspections in progress</source>
        <translation>项检查进行中</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/home_page.py" line="33" />
        <source>overdue hazards</source>
        <translation>项隐患已逾期</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/home_page.py" line="34" />
        <source>hazards due soon</source>
        <translation>项隐患即将到期</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/home_page.py" line="35" />
        <source>major hazards under listed supervision</source>
        <translation>项重大隐患挂牌督办</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/home_page.py" line="36" />
        <location filename="../../fieldapp/ui/home_page.py" line="155" />
        <source>changes not yet synced</source>
        <translation>条变更未同步</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/home_page.py" line="42" />
        <source>Inspections in progress and assigned</source>
        <translation>进行中和待执行的检查</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/home_page.py" line="45" />
        <location filename="../../fieldapp/ui/home_page.py" line="58" />
        <location filename="../../fieldapp/ui/home_page.py" line="71" />
        <source>Enterprise</source>
        <translation>单位</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/home_page.py" line="46" />
        <location filename="../../fieldapp/ui/home_page.py" line="72" />
        <source>Type</source>
        <translation>检查类型</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/home_page.py" line="47" />
        <source>Started</source>
        <translation>开始时间</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/home_page.py" line="53" />
        <source>No inspection in progress. Start one from “Enterprises”.</source>
        <translation>当前没有进行中的检查。请在“企业”中选择单位后开始检查。</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/home_page.py" line="55" />
        <source>Overdue and due-soon hazards</source>
        <translation>逾期和即将到期的隐患</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/home_page.py" line="59" />
        <source>Hazard</source>
        <translation>隐患</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/home_page.py" line="60" />
        <source>Deadline</source>
        <translation>整改期限</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/home_page.py" line="61" />
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/home_page.py" line="68" />
        <source>Visits assigned by the office</source>
        <translation>单位下达的检查任务</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/home_page.py" line="73" />
        <source>Planned</source>
        <translation>计划日期</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/home_page.py" line="80" />
        <source>Start the assigned inspection</source>
        <translation>开始该检查任务</translation>
    </message>
    <message numerus="yes">
        <location filename="../../fieldapp/ui/home_page.py" line="124" />
        <source>hazards due within %n day(s)</source>
        <translation><numerusform>项隐患 %n 天内到期</numerusform></translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/home_page.py" line="156" />
        <source>Last backup: %1.</source>
        <translation>最近备份：%1。</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/home_page.py" line="158" />
        <source>never</source>
        <translation>从未</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/home_page.py" line="163" />
        <source>all synced · last sync %1</source>
        <translation>已全部同步 · 最近同步 %1</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/home_page.py" line="164" />
        <source>changes not yet synced · last sync %1</source>
        <translation>条变更未同步 · 最近同步 %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../../fieldapp/ui/home_page.py" line="168" />
        <source>field devices · %n conflict(s) to review</source>
        <translation><numerusform>个执法终端 · %n 处冲突待复核</numerusform></translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/home_page.py" line="172" />
        <source>not enrolled for sync (see Sync)</source>
        <translation>未注册同步（见“同步”页）</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/home_page.py" line="175" />
        <source>Last sync: %1. Last backup: %2.</source>
        <translation>最近同步：%1。最近备份：%2。</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/home_page.py" line="152" />
        <source>none yet</source>
        <translation>暂无</translation>
    </message>
</context>
<context>
    <name>InspectionOverview</name>
    <message>
        <location filename="../../fieldapp/ui/inspection_page.py" line="27" />
        <source>Inspections</source>
        <translation>检查记录</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/inspection_page.py" line="28" />
        <source>Open selected</source>
        <translation>打开所选检查</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/inspection_page.py" line="31" />
        <source>To start a new inspection, find the enterprise under “Enterprises” and press “Start inspection”.</source>
        <translation>新建检查：在“企业”中找到单位，点击“开始检查”。</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/inspection_page.py" line="37" />
        <source>Enterprise</source>
        <translation>单位</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/inspection_page.py" line="38" />
        <source>Type</source>
        <translation>检查类型</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/inspection_page.py" line="39" />
        <source>Started</source>
        <translation>开始时间</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/inspection_page.py" line="40" />
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/inspection_page.py" line="40" />
        <source>In progress</source>
        <translation>进行中</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/inspection_page.py" line="41" />
        <source>Completed</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/inspection_page.py" line="42" />
        <source>Hazards found</source>
        <translation>发现隐患</translation>
    </message>
</context>
<context>
    <name>InspectionPage</name>
    <message>
        <location filename="../../fieldapp/ui/inspection_page.py" line="74" />
        <source>← All inspections</source>
        <translation>← 全部检查</translation>
    </message>
</context>
<context>
    <name>InspectionWalker</name>
    <message>
        <location filename="../../fieldapp/ui/inspection_walker.py" line="65" />
        <source>Finish inspection</source>
        <translation>结束检查</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/inspection_walker.py" line="66" />
        <source>Ctrl+Enter</source>
        <translation>Ctrl+Enter</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/inspection_walker.py" line="67" />
        <source>Documents…</source>
        <translation>文书…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/inspection_walker.py" line="68" />
        <source>Ctrl+D: draft, sign and issue the notices of this inspection</source>
        <translation>Ctrl+D：起草、签名、签发本次检查的文书</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/inspection_walker.py" line="75" />
        <source>Code</source>
        <translation>编号</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/inspection_walker.py" line="75" />
        <source>Check</source>
        <translation>检查内容</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/inspection_walker.py" line="75" />
        <source>Result</source>
        <translation>检查结论</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/inspection_walker.py" line="111" />
        <source>Conforms</source>
        <translation>符合</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/inspection_walker.py" line="111" />
        <source>Does not conform</source>
        <translation>不符合</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/inspection_walker.py" line="112" />
        <source>Not applicable</source>
        <translation>不适用</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/inspection_walker.py" line="126" />
        <source>N: note for this item (Enter saves)</source>
        <translation>N：本项备注（回车保存）</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/inspection_walker.py" line="128" />
        <source>Open hazard</source>
        <translation>查看隐患</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/inspection_walker.py" line="132" />
        <source>Keys: 1 conforms · 2 does not conform · 3 not applicable · N note · ↑↓ move · Enter next · Ctrl+D documents · Ctrl+Enter finish</source>
        <translation>快捷键：1 符合 · 2 不符合 · 3 不适用 · N 备注 · ↑↓ 移动 · Enter 下一项 · Ctrl+D 文书 · Ctrl+Enter 结束检查</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/inspection_walker.py" line="163" />
        <source>Officers: %1</source>
        <translation>执法人员：%1</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/inspection_walker.py" line="171" />
        <source>Completed</source>
        <translation>已完成</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/inspection_walker.py" line="179" />
        <source>Checked %1/%2 · %3 not conforming</source>
        <translation>已检查 %1/%2 · 不符合 %3 项</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/inspection_walker.py" line="193" />
        <source>Method: %1</source>
        <translation>检查方式：%1</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/inspection_walker.py" line="194" />
        <source>Legal basis: %1</source>
        <translation>依据：%1</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/inspection_walker.py" line="196" />
        <source>Major hazard criterion: %1</source>
        <translation>重大隐患判定标准：%1</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/inspection_walker.py" line="250" />
        <source>Saving…</source>
        <translation>正在保存…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/inspection_walker.py" line="258" />
        <source>✓ Saved</source>
        <translation>✓ 已保存</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/inspection_walker.py" line="266" />
        <source>Not saved</source>
        <translation>未保存</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/inspection_walker.py" line="290" />
        <source>Checked %1 of %2 items; %3 hazard(s) found.</source>
        <translation>共检查 %2 项中的 %1 项，发现隐患 %3 项。</translation>
    </message>
    <message numerus="yes">
        <location filename="../../fieldapp/ui/inspection_walker.py" line="310" />
        <source>%n item(s) not checked yet. Finish anyway?</source>
        <translation><numerusform>还有 %n 项未检查，仍要结束检查吗？</numerusform></translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/inspection_walker.py" line="319" />
        <source>Inspection completed</source>
        <translation>检查已结束</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../fieldapp/ui/main_window.py" line="57" />
        <source>fieldapp — Work-safety field inspection</source>
        <translation>fieldapp — 安全生产现场执法检查</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/main_window.py" line="59" />
        <source>DEMO DATA</source>
        <translation>演示数据</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/main_window.py" line="64" />
        <source>Home</source>
        <translation>首页</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/main_window.py" line="64" />
        <source>Enterprises</source>
        <translation>企业</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/main_window.py" line="64" />
        <source>Inspection</source>
        <translation>检查</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/main_window.py" line="65" />
        <source>Hazards</source>
        <translation>隐患</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/main_window.py" line="65" />
        <source>Documents</source>
        <translation>文书</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/main_window.py" line="65" />
        <source>Sync</source>
        <translation>同步</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/main_window.py" line="66" />
        <source>Statistics</source>
        <translation>统计</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/main_window.py" line="66" />
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/main_window.py" line="113" />
        <source>Data directory: %1</source>
        <translation>数据目录：%1</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/main_window.py" line="115" />
        <source>Demo data — not official records</source>
        <translation>演示数据 — 不是正式记录</translation>
    </message>
</context>
<context>
    <name>NewEnterpriseDialog</name>
    <message>
        <location filename="../../fieldapp/ui/enterprise_new.py" line="43" />
        <location filename="../../fieldapp/ui/enterprise_new.py" line="50" />
        <source>New enterprise</source>
        <translation>新增单位</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/enterprise_new.py" line="53" />
        <source>An enterprise met on site that is not in the registry. It goes to the office with the next sync, which merges it with the registry's record of it.</source>
        <translation>登记现场发现、名录中没有的单位。下次同步时报送中心端，中心端名录中有同一单位时将自动合并或由中心端人工关联。</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/enterprise_new.py" line="64" />
        <source>18 characters, on the business licence</source>
        <translation>18 位，见营业执照</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/enterprise_new.py" line="65" />
        <source>No USCC (e.g. an unlicensed workshop)</source>
        <translation>无统一社会信用代码（如无照经营）</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/enterprise_new.py" line="67" />
        <source>Legal representative, or the person running the site</source>
        <translation>法定代表人，或实际经营者</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/enterprise_new.py" line="83" />
        <source>Name *</source>
        <translation>单位名称 *</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/enterprise_new.py" line="84" />
        <source>USCC</source>
        <translation>统一社会信用代码</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/enterprise_new.py" line="86" />
        <source>Phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/enterprise_new.py" line="87" />
        <source>Address *</source>
        <translation>地址 *</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/enterprise_new.py" line="88" />
        <source>Township</source>
        <translation>乡镇街道</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/enterprise_new.py" line="89" />
        <source>Industry</source>
        <translation>行业类别</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/enterprise_new.py" line="99" />
        <source>Register</source>
        <translation>登记</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/enterprise_new.py" line="100" />
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/enterprise_new.py" line="123" />
        <source>Legal representative / operator *</source>
        <translation>法定代表人/经营者 *</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/enterprise_new.py" line="124" />
        <source>Legal representative / operator</source>
        <translation>法定代表人/经营者</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/enterprise_new.py" line="139" />
        <source>Enter the USCC, or tick “No USCC” for a site that has none.</source>
        <translation>请填写统一社会信用代码；没有代码的单位请勾选“无统一社会信用代码”。</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/enterprise_new.py" line="156" />
        <source>Registered %1</source>
        <translation>已登记：%1</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/enterprise_new.py" line="179" />
        <location filename="../../fieldapp/ui/enterprise_new.py" line="191" />
        <source>The new enterprise is not registered yet.</source>
        <translation>新增单位尚未登记。</translation>
    </message>
</context>
<context>
    <name>NextSteps</name>
    <message>
        <location filename="../../fieldapp/ui/next_steps.py" line="39" />
        <source>Re-inspection opinion…</source>
        <translation>出具整改复查意见书…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/next_steps.py" line="40" />
        <source>Close (销号)</source>
        <translation>销号</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/next_steps.py" line="63" />
        <source>Re-inspection saved (%1). Opinion %2 issued.</source>
        <translation>复查结果已保存（%1），整改复查意见书 %2 已签发。</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/next_steps.py" line="65" />
        <source>Re-inspection saved (%1). Issue the re-inspection opinion for the enterprise, then close the hazard (销号).</source>
        <translation>复查结果已保存（%1）。请出具整改复查意见书交被检查单位，然后销号。</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/next_steps.py" line="68" />
        <source>Re-inspection saved (%1). Issue the re-inspection opinion for the enterprise.</source>
        <translation>复查结果已保存（%1）。请出具整改复查意见书交被检查单位。</translation>
    </message>
</context>
<context>
    <name>NoticeForm</name>
    <message>
        <location filename="../../fieldapp/ui/notice_form.py" line="72" />
        <source>Document:</source>
        <translation>文书种类：</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/notice_form.py" line="75" />
        <source>Hazards on the notice</source>
        <translation>列入文书的隐患</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/notice_form.py" line="92" />
        <source>Use each hazard's own deadline</source>
        <translation>按各隐患原定期限</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/notice_form.py" line="100" />
        <source>Safety measures to take until the hazards are removed (optional)</source>
        <translation>隐患排除前应采取的安全防范措施（可不填）</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/notice_form.py" line="103" />
        <source>Rectify by:</source>
        <translation>整改完成期限：</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/notice_form.py" line="105" />
        <source>Interim measures:</source>
        <translation>整改期间措施：</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/notice_form.py" line="108" />
        <source>On-site measures</source>
        <translation>现场处理措施</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/notice_form.py" line="111" />
        <source>Withdraw the workers from the danger zone</source>
        <translation>从危险区域撤出作业人员</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/notice_form.py" line="114" />
        <source>Danger zone</source>
        <translation>危险区域</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/notice_form.py" line="115" />
        <source>Suspend production or business</source>
        <translation>暂时停产停业</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/notice_form.py" line="118" />
        <source>Facilities and equipment taken out of use (、 between)</source>
        <translation>停止使用的设施、设备（用“、”分隔）</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/notice_form.py" line="120" />
        <source>Other measures (； between)</source>
        <translation>其他措施（用“；”分隔）</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/notice_form.py" line="147" />
        <source>deadline</source>
        <translation>期限</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/notice_form.py" line="149" />
        <source> [major]</source>
        <translation>【重大】</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/notice_form.py" line="168" />
        <source>This date is printed for every hazard on the notice and becomes their deadline.</source>
        <translation>本文书所列隐患统一按此日期整改，签发后各隐患的整改期限改为此日期。</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/notice_form.py" line="177" />
        <source>Each hazard keeps its own deadline (%1). Change the date to give them all one.</source>
        <translation>各项隐患按各自登记的整改期限（%1）；修改日期则统一为同一期限。</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/notice_form.py" line="180" />
        <source>The deadline saved with the hazard.</source>
        <translation>即隐患登记时确定的整改期限。</translation>
    </message>
</context>
<context>
    <name>Operation</name>
    <message>
        <location filename="../../fieldapp/ui/tasks.py" line="220" />
        <source>Please wait</source>
        <translation>请稍候</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/tasks.py" line="227" />
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/tasks.py" line="275" />
        <source>Internal error: %1
The details were written to fieldapp.log in the data directory.</source>
        <translation>内部错误：%1
详细信息已写入数据目录中的 fieldapp.log，请联系技术支持。</translation>
    </message>
</context>
<context>
    <name>PdfViewer</name>
    <message>
        <location filename="../../fieldapp/ui/pdf_view.py" line="187" />
        <source>The A4 preview of the document will appear here.</source>
        <translation>文书的 A4 预览将显示在这里。</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/pdf_view.py" line="363" />
        <source>Print</source>
        <translation>打印</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/pdf_view.py" line="369" />
        <source>Printing failed ({0}). Check that the printer is on and ready, then try again.</source>
        <translation>打印失败（{0}）。请检查打印机已开机并就绪后重试。</translation>
    </message>
</context>
<context>
    <name>PhotoAnnotator</name>
    <message>
        <location filename="../../fieldapp/ui/photo_annotator.py" line="282" />
        <source>Annotate photo</source>
        <translation>标注照片</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/photo_annotator.py" line="293" />
        <source>Arrow</source>
        <translation>箭头</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/photo_annotator.py" line="293" />
        <source>Circle</source>
        <translation>圈注</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/photo_annotator.py" line="293" />
        <source>Text</source>
        <translation>文字</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/photo_annotator.py" line="305" />
        <source>Red</source>
        <translation>红色</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/photo_annotator.py" line="305" />
        <source>Yellow</source>
        <translation>黄色</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/photo_annotator.py" line="306" />
        <source>White</source>
        <translation>白色</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/photo_annotator.py" line="318" />
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/photo_annotator.py" line="319" />
        <source>Clear</source>
        <translation>清除</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/photo_annotator.py" line="323" />
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/photo_annotator.py" line="324" />
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/photo_annotator.py" line="333" />
        <source>The marks are kept beside the photo; the photo itself (the evidence) is not changed.</source>
        <translation>标注单独保存，照片原件（证据）不会被修改。</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/photo_annotator.py" line="356" />
        <source>Arrow: drag from where the arrow starts to what it points at.</source>
        <translation>箭头：从箭尾拖到要指出的部位。</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/photo_annotator.py" line="357" />
        <source>Circle: drag across the part to circle.</source>
        <translation>圈注：在要圈出的部位上斜向拖动。</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/photo_annotator.py" line="358" />
        <source>Text: tap where the label goes, then type it.</source>
        <translation>文字：点击文字要放的位置，再输入内容。</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/photo_annotator.py" line="366" />
        <source>Text label</source>
        <translation>文字标注</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/photo_annotator.py" line="366" />
        <source>Text shown on the photo:</source>
        <translation>显示在照片上的文字：</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/photo_annotator.py" line="390" />
        <source>Annotations saved</source>
        <translation>标注已保存</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/photo_annotator.py" line="399" />
        <source>Discard the marks drawn on this photo?</source>
        <translation>放弃在这张照片上所做的标注吗？</translation>
    </message>
</context>
<context>
    <name>RefusalDialog</name>
    <message>
        <location filename="../../fieldapp/ui/signers.py" line="30" />
        <source>Refusal to sign</source>
        <translation>拒绝签字</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/signers.py" line="33" />
        <source>The enterprise's representative refuses to sign. Record the reason and a witness; both are printed on the notice.</source>
        <translation>被检查单位负责人拒绝签字。请记录拒签理由和见证人，二者都将打印在文书上。</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/signers.py" line="44" />
        <source>Name (and unit) of the witness</source>
        <translation>见证人姓名（及单位）</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/signers.py" line="45" />
        <source>Reason:</source>
        <translation>拒签理由：</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/signers.py" line="46" />
        <source>Witness:</source>
        <translation>见证人：</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/signers.py" line="50" />
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/signers.py" line="51" />
        <source>Record refusal</source>
        <translation>记录拒签</translation>
    </message>
</context>
<context>
    <name>ReinspectionDialog</name>
    <message>
        <location filename="../../fieldapp/ui/reinspection_dialog.py" line="62" />
        <source>Re-inspection</source>
        <translation>复查</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/reinspection_dialog.py" line="65" />
        <source>Re-inspection: %1</source>
        <translation>整改复查：%1</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/reinspection_dialog.py" line="70" />
        <source>Officers (two or more)</source>
        <translation>执法人员（不少于两名）</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/reinspection_dialog.py" line="103" />
        <source>Hazard</source>
        <translation>隐患</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/reinspection_dialog.py" line="103" />
        <source>Result</source>
        <translation>检查结论</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/reinspection_dialog.py" line="103" />
        <source>New deadline</source>
        <translation>新整改期限</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/reinspection_dialog.py" line="103" />
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/reinspection_dialog.py" line="112" />
        <source>deadline</source>
        <translation>期限</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/reinspection_dialog.py" line="120" />
        <source>Not checked this time</source>
        <translation>本次不复查</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/reinspection_dialog.py" line="121" />
        <source>Rectified</source>
        <translation>已整改</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/reinspection_dialog.py" line="122" />
        <source>Not rectified: new deadline</source>
        <translation>未整改，重新限期</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/reinspection_dialog.py" line="124" />
        <source>Not rectified: escalate (挂牌督办)</source>
        <translation>未整改，挂牌督办</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/reinspection_dialog.py" line="141" />
        <source>This enterprise has no hazard waiting for re-inspection.</source>
        <translation>该单位没有待复查的隐患。</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/reinspection_dialog.py" line="145" />
        <source>Overall note (optional)</source>
        <translation>复查意见（选填）</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/reinspection_dialog.py" line="155" />
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/reinspection_dialog.py" line="156" />
        <source>Record re-inspection</source>
        <translation>保存复查结果</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/reinspection_dialog.py" line="174" />
        <source>Choose a result for at least one hazard.</source>
        <translation>请至少为一项隐患选择复查结论。</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/reinspection_dialog.py" line="178" />
        <source>Record the re-inspection anyway?</source>
        <translation>仍要保存复查结果吗？</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <location filename="../../fieldapp/ui/settings_page.py" line="45" />
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/settings_page.py" line="60" />
        <source>Issuing unit, documents and defaults</source>
        <translation>执法机关、文书和默认值</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/settings_page.py" line="46" />
        <source>Save settings</source>
        <translation>保存设置</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/settings_page.py" line="68" />
        <source>Officers</source>
        <translation>执法人员</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/settings_page.py" line="71" />
        <location filename="../../fieldapp/ui/settings_page.py" line="81" />
        <source>Certificate no.</source>
        <translation>执法证号</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/settings_page.py" line="71" />
        <location filename="../../fieldapp/ui/settings_page.py" line="79" />
        <source>Officer name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/settings_page.py" line="72" />
        <location filename="../../fieldapp/ui/settings_page.py" line="83" />
        <source>Unit</source>
        <translation>所在单位</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/settings_page.py" line="72" />
        <source>Phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/settings_page.py" line="87" />
        <source>Add officer</source>
        <translation>添加执法人员</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/settings_page.py" line="92" />
        <source>Data and backups</source>
        <translation>数据与备份</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/settings_page.py" line="94" />
        <source>Data directory: %1</source>
        <translation>数据目录：%1</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/settings_page.py" line="103" />
        <source>Back up now</source>
        <translation>立即备份</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/settings_page.py" line="104" />
        <source>Restore selected</source>
        <translation>从所选备份恢复</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/settings_page.py" line="105" />
        <source>Restore from file…</source>
        <translation>从文件恢复…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/settings_page.py" line="189" />
        <source>Nothing was changed.</source>
        <translation>没有需要保存的修改。</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/settings_page.py" line="195" />
        <source>Settings saved.</source>
        <translation>设置已保存。</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/settings_page.py" line="197" />
        <source>The new language applies after restarting fieldapp.</source>
        <translation>界面语言将在重新启动程序后生效。</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/settings_page.py" line="223" />
        <source>before restore</source>
        <translation>恢复前自动备份</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/settings_page.py" line="223" />
        <source>manual</source>
        <translation>手动备份</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/settings_page.py" line="223" />
        <source>automatic</source>
        <translation>自动备份</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/settings_page.py" line="233" />
        <source>Backing up…</source>
        <translation>正在备份…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/settings_page.py" line="234" />
        <source>Backup written: %1</source>
        <translation>已备份：%1</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/settings_page.py" line="239" />
        <source>Select a backup in the list first.</source>
        <translation>请先在列表中选择一个备份。</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/settings_page.py" line="244" />
        <source>Restore from backup file</source>
        <translation>从备份文件恢复</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/settings_page.py" line="245" />
        <source>fieldapp backup</source>
        <translation>fieldapp 备份文件</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/settings_page.py" line="250" />
        <source>Replace ALL data on this device with the backup %1?
The current data is backed up first, so this can be undone.</source>
        <translation>确定用备份 %1 替换本机的全部数据吗？
恢复前会先自动备份当前数据，必要时可以再恢复回来。</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/settings_page.py" line="254" />
        <source>Restoring…</source>
        <translation>正在恢复…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/settings_page.py" line="254" />
        <source>The backup was restored.</source>
        <translation>备份已恢复。</translation>
    </message>
</context>
<context>
    <name>SignatureDialog</name>
    <message>
        <location filename="../../fieldapp/ui/signature_pad.py" line="174" />
        <source>Signature: %1</source>
        <translation>签名：%1</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/signature_pad.py" line="177" />
        <source>%1, please sign below</source>
        <translation>请 %1 在下方签名</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/signature_pad.py" line="184" />
        <source>Clear</source>
        <translation>清除</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/signature_pad.py" line="185" />
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/signature_pad.py" line="186" />
        <source>Confirm signature</source>
        <translation>确认签名</translation>
    </message>
</context>
<context>
    <name>SignaturePad</name>
    <message>
        <location filename="../../fieldapp/ui/signature_pad.py" line="130" />
        <source>Sign here with the pen, a finger or the mouse</source>
        <translation>请用手写笔、手指或鼠标在此签名</translation>
    </message>
</context>
<context>
    <name>SignerRow</name>
    <message>
        <location filename="../../fieldapp/ui/signers.py" line="83" />
        <source>Name of the signer</source>
        <translation>签字人姓名</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/signers.py" line="89" />
        <source>Sign</source>
        <translation>签名</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/signers.py" line="95" />
        <source>Refuses…</source>
        <translation>拒签…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/signers.py" line="101" />
        <source>✓ signed</source>
        <translation>✓ 已签名</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/signers.py" line="104" />
        <source>refused (witness: %1)</source>
        <translation>拒签（见证人：%1）</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/signers.py" line="107" />
        <source>not signed (wet ink)</source>
        <translation>未签名（打印后手签）</translation>
    </message>
</context>
<context>
    <name>StandaloneView</name>
    <message>
        <location filename="../../fieldapp/ui/sync_page.py" line="49" />
        <source>This installation is not enrolled with an office yet, so it cannot exchange data.

To enrol it: at the office, the administrator runs “fieldapp central enroll --device NAME --out FILE” on the central installation and hands you the enrolment file (*.faenrol) on a USB stick, in person. Then press the button below and choose that file. The device receives the registry, the officers, the checklists and its document-number blocks.

Enrol on a new installation: one that already holds inspections is refused.</source>
        <translation>本机尚未在单位注册，不能交换数据。

注册方法：由单位管理员在中心端运行“fieldapp central enroll --device 终端名称 --out 文件”，生成注册文件（*.faenrol），用U盘当面交给您。然后按下面的按钮选择该文件。注册后本终端将收到单位名录、执法人员、检查表和文书编号段。

请在新安装的终端上注册：已有检查记录的终端不能注册。</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/sync_page.py" line="59" />
        <source>Enrol this device with an enrolment file…</source>
        <translation>使用注册文件注册本终端…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/sync_page.py" line="67" />
        <source>Enrolment file</source>
        <translation>注册文件</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/sync_page.py" line="73" />
        <source>Enrolled as %1 with %2.</source>
        <translation>已注册为 %1，所属单位：%2。</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/sync_page.py" line="77" />
        <source>Enrolling…</source>
        <translation>正在注册…</translation>
    </message>
</context>
<context>
    <name>StartInspectionView</name>
    <message>
        <location filename="../../fieldapp/ui/inspection_start.py" line="61" />
        <source>Name of the enterprise's person on site</source>
        <translation>企业现场负责人姓名</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/inspection_start.py" line="63" />
        <source>Special campaign tag (optional)</source>
        <translation>专项整治名称（选填）</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/inspection_start.py" line="66" />
        <source>Inspection type:</source>
        <translation>检查类型：</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/inspection_start.py" line="67" />
        <source>On-site representative:</source>
        <translation>企业现场负责人：</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/inspection_start.py" line="68" />
        <source>Campaign:</source>
        <translation>专项整治：</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/inspection_start.py" line="70" />
        <source>Unannounced (四不两直)</source>
        <translation>四不两直</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/inspection_start.py" line="71" />
        <source>Officers from another area</source>
        <translation>异地交叉执法</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/inspection_start.py" line="76" />
        <source>Officers (two or more)</source>
        <translation>执法人员（不少于两名）</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/inspection_start.py" line="88" />
        <source>Checklists (suggested for this enterprise first)</source>
        <translation>检查表（按适用程度排序）</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/inspection_start.py" line="99" />
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/inspection_start.py" line="100" />
        <source>Start inspection</source>
        <translation>开始检查</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/inspection_start.py" line="108" />
        <source>Ctrl+Enter</source>
        <translation>Ctrl+Enter</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/inspection_start.py" line="117" />
        <source>New inspection: %1</source>
        <translation>新建检查：%1</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/inspection_start.py" line="121" />
        <source>certificate</source>
        <translation>执法证号</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/inspection_start.py" line="128" />
        <source>industry</source>
        <translation>行业适用</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/inspection_start.py" line="128" />
        <source>special hazard</source>
        <translation>重点监管类型适用</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/inspection_start.py" line="128" />
        <source>general</source>
        <translation>通用</translation>
    </message>
    <message numerus="yes">
        <location filename="../../fieldapp/ui/inspection_start.py" line="131" />
        <source>%n item(s)</source>
        <translation><numerusform>%n 项</numerusform></translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/inspection_start.py" line="142" />
        <source>Assigned by the office: %1</source>
        <translation>单位下达：%1</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/inspection_start.py" line="164" />
        <source>Choose at least one checklist.</source>
        <translation>请至少选择一张检查表。</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/inspection_start.py" line="167" />
        <source>Start the inspection anyway?</source>
        <translation>仍要开始检查吗？</translation>
    </message>
</context>
<context>
    <name>StatisticsPage</name>
    <message>
        <location filename="../../fieldapp/ui/statistics_page.py" line="46" />
        <source>Statistics</source>
        <translation>统计</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/statistics_page.py" line="47" />
        <source>Export to Excel…</source>
        <translation>导出 Excel…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/statistics_page.py" line="48" />
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/statistics_page.py" line="53" />
        <source>hazards found</source>
        <translation>项隐患（累计）</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/statistics_page.py" line="54" />
        <source>rectification rate (整改率)</source>
        <translation>整改率</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/statistics_page.py" line="55" />
        <source>overdue</source>
        <translation>项逾期</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/statistics_page.py" line="56" />
        <source>major hazards</source>
        <translation>项重大隐患</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/statistics_page.py" line="57" />
        <source>under listed supervision</source>
        <translation>项挂牌督办</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/statistics_page.py" line="65" />
        <source>Hazards</source>
        <translation>隐患</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/statistics_page.py" line="65" />
        <source>Rectified</source>
        <translation>已整改</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/statistics_page.py" line="65" />
        <source>Overdue</source>
        <translation>逾期</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/statistics_page.py" line="65" />
        <source>Township or industry</source>
        <translation>乡镇街道/行业</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/statistics_page.py" line="66" />
        <source>Rectification rate</source>
        <translation>整改率</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/statistics_page.py" line="79" />
        <source>Charts</source>
        <translation>图表</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/statistics_page.py" line="80" />
        <location filename="../../fieldapp/ui/statistics_page.py" line="142" />
        <source>By township</source>
        <translation>按乡镇街道</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/statistics_page.py" line="81" />
        <location filename="../../fieldapp/ui/statistics_page.py" line="142" />
        <source>By industry</source>
        <translation>按行业</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/statistics_page.py" line="116" />
        <source>Hazards by status</source>
        <translation>隐患状态分布</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/statistics_page.py" line="118" />
        <source>Hazards by grade</source>
        <translation>隐患等级分布</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/statistics_page.py" line="119" />
        <source>Rectification rate by township (%)</source>
        <translation>各乡镇街道整改率（%）</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/statistics_page.py" line="122" />
        <source>Rectification rate by industry (%)</source>
        <translation>各行业整改率（%）</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/statistics_page.py" line="135" />
        <source>Export statistics</source>
        <translation>导出统计表</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/statistics_page.py" line="136" />
        <source>Excel workbook</source>
        <translation>Excel 工作簿</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/statistics_page.py" line="146" />
        <source>Exporting…</source>
        <translation>正在导出…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/statistics_page.py" line="147" />
        <source>Exported to %1</source>
        <translation>已导出到 %1</translation>
    </message>
</context>
<context>
    <name>SummaryBox</name>
    <message>
        <location filename="../../fieldapp/ui/sync_widgets.py" line="87" />
        <source>Records</source>
        <translation>记录类别</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/sync_widgets.py" line="87" />
        <source>New</source>
        <translation>新增</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/sync_widgets.py" line="88" />
        <source>Changed</source>
        <translation>修改</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/sync_widgets.py" line="88" />
        <source>Deleted</source>
        <translation>删除</translation>
    </message>
</context>
<context>
    <name>SyncPage</name>
    <message>
        <location filename="../../fieldapp/ui/sync_page.py" line="139" />
        <source>Sync with the office</source>
        <translation>与单位同步</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/sync_page.py" line="145" />
        <source>Reading the sync state…</source>
        <translation>正在读取同步状态…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/sync_page.py" line="157" />
        <source>Document-number blocks on this device</source>
        <translation>本机文书编号段</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/sync_page.py" line="161" />
        <source>Document</source>
        <translation>文书种类</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/sync_page.py" line="162" />
        <source>Year</source>
        <translation>年度</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/sync_page.py" line="163" />
        <source>Serials</source>
        <translation>编号范围</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/sync_page.py" line="164" />
        <source>Remaining</source>
        <translation>剩余</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/sync_page.py" line="191" />
        <source>This installation: %1</source>
        <translation>本机：%1</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/sync_page.py" line="213" />
        <source>Bundle written to %1</source>
        <translation>数据包已写入 %1</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/sync_page.py" line="215" />
        <source>Writing the bundle…</source>
        <translation>正在写入数据包…</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/sync_page.py" line="218" />
        <source>Import a bundle</source>
        <translation>导入数据包</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/sync_page.py" line="232" />
        <source>Checking and importing the bundle…</source>
        <translation>正在校验并导入数据包…</translation>
    </message>
</context>
<context>
    <name>VerifyResultDialog</name>
    <message>
        <location filename="../../fieldapp/ui/documents_page.py" line="73" />
        <source>Verify a document</source>
        <translation>核验文书</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/documents_page.py" line="80" />
        <source>✗ Demo document: no legal effect</source>
        <translation>✗ 演示文书，无法律效力</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/documents_page.py" line="82" />
        <source>✓ Genuine and valid</source>
        <translation>✓ 文书真实有效</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/documents_page.py" line="82" />
        <source>✗ Not valid</source>
        <translation>✗ 核验未通过</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/documents_page.py" line="92" />
        <source>Close</source>
        <translation>关闭</translation>
    </message>
</context>
<context>
    <name>enterprise_detail</name>
    <message>
        <location filename="../../fieldapp/ui/enterprise_detail.py" line="53" />
        <source>Save this code anyway?</source>
        <translation>仍要保存该代码吗？</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/enterprise_detail.py" line="58" />
        <source>Open that enterprise? (The changes here are not saved.)</source>
        <translation>是否打开该单位？（本页的修改将不保存）</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/enterprise_detail.py" line="61" />
        <source>Internal error: %1
The details were written to fieldapp.log in the data directory.</source>
        <translation>内部错误：%1
详细信息已写入数据目录中的 fieldapp.log，请联系技术支持。</translation>
    </message>
</context>
<context>
    <name>util</name>
    <message>
        <location filename="../../fieldapp/ui/util.py" line="38" />
        <source>Cannot do that</source>
        <translation>无法完成操作</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/util.py" line="42" />
        <source>Done</source>
        <translation>完成</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/util.py" line="46" />
        <source>Please confirm</source>
        <translation>请确认</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/util.py" line="54" />
        <source>Unsaved changes</source>
        <translation>修改未保存</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/util.py" line="56" />
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/util.py" line="57" />
        <source>Discard</source>
        <translation>放弃</translation>
    </message>
    <message>
        <location filename="../../fieldapp/ui/util.py" line="58" />
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
</TS>
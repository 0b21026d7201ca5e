<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_TW">
<context>
    <name>FieldCase</name>
    <message>
        <location filename="../../app/views/caseload.py" line="89"/>
        <source>搜尋姓名、身分證字號或電話</source>
        <extracomment>English in the code: Search name, ID number or phone</extracomment>
        <translation>Search name, ID number or phone</translation>
    </message>
    <message>
        <location filename="../../app/views/caseload.py" line="91"/>
        <source>搜尋個案</source>
        <comment>Search cases</comment>
        <extracomment>English in the code: Search cases</extracomment>
        <translation>Search cases</translation>
    </message>
    <message>
        <location filename="../../app/views/caseload.py" line="93"/>
        <source>個案數</source>
        <extracomment>English in the code: Number of cases</extracomment>
        <translation>Number of cases</translation>
    </message>
    <message>
        <location filename="../../app/views/caseload.py" line="96"/>
        <source>全部服務類別</source>
        <comment>All programmes</comment>
        <extracomment>English in the code: All programmes</extracomment>
        <translation>All programmes</translation>
    </message>
    <message>
        <location filename="../../app/views/caseload.py" line="98"/>
        <location filename="../../app/views/supervisor/dashboard.py" line="90"/>
        <source>服務類別</source>
        <extracomment>English in the code: Programme</extracomment>
        <translation>Programme</translation>
    </message>
    <message>
        <location filename="../../app/views/caseload.py" line="101"/>
        <source>全部階段</source>
        <extracomment>English in the code: All stages</extracomment>
        <translation>All stages</translation>
    </message>
    <message>
        <location filename="../../app/views/caseload.py" line="103"/>
        <source>階段</source>
        <extracomment>English in the code: Stage</extracomment>
        <translation>Stage</translation>
    </message>
    <message>
        <location filename="../../app/views/caseload.py" line="106"/>
        <location filename="../../app/views/directory.py" line="72"/>
        <source>全部縣市</source>
        <extracomment>English in the code: All counties</extracomment>
        <translation>All counties</translation>
    </message>
    <message>
        <location filename="../../app/views/caseload.py" line="108"/>
        <location filename="../../app/views/directory.py" line="71"/>
        <location filename="../../app/views/unit_dialog.py" line="60"/>
        <source>縣市</source>
        <extracomment>English in the code: County</extracomment>
        <translation>County</translation>
    </message>
    <message>
        <location filename="../../app/views/caseload.py" line="111"/>
        <source>全部特定對象</source>
        <extracomment>English in the code: All target groups</extracomment>
        <translation>All target groups</translation>
    </message>
    <message>
        <location filename="../../app/views/caseload.py" line="113"/>
        <source>特定對象</source>
        <extracomment>English in the code: Target group</extracomment>
        <translation>Target group</translation>
    </message>
    <message>
        <location filename="../../app/views/caseload.py" line="115"/>
        <source>全部承辦人</source>
        <extracomment>English in the code: All case managers</extracomment>
        <translation>All case managers</translation>
    </message>
    <message>
        <location filename="../../app/views/caseload.py" line="115"/>
        <location filename="../../app/views/supervisor/overview.py" line="125"/>
        <source>承辦人</source>
        <extracomment>English in the code: Case manager</extracomment>
        <translation>Case manager</translation>
    </message>
    <message>
        <location filename="../../app/views/caseload.py" line="117"/>
        <source>只看逾期</source>
        <extracomment>English in the code: Overdue only</extracomment>
        <translation>Overdue only</translation>
    </message>
    <message>
        <location filename="../../app/views/caseload.py" line="118"/>
        <source>只看有逾期期限的個案</source>
        <extracomment>English in the code: Only cases with an overdue deadline</extracomment>
        <translation>Only cases with an overdue deadline</translation>
    </message>
    <message>
        <location filename="../../app/views/caseload.py" line="119"/>
        <source>含已結案</source>
        <extracomment>English in the code: Include closed</extracomment>
        <translation>Include closed</translation>
    </message>
    <message>
        <location filename="../../app/views/caseload.py" line="120"/>
        <source>包含已結案的個案</source>
        <extracomment>English in the code: Include closed cases</extracomment>
        <translation>Include closed cases</translation>
    </message>
    <message>
        <location filename="../../app/views/caseload.py" line="125"/>
        <source>個案清單</source>
        <extracomment>English in the code: Case list</extracomment>
        <translation>Case list</translation>
    </message>
    <message>
        <location filename="../../app/views/caseload.py" line="161"/>
        <source>我的個案</source>
        <extracomment>English in the code: My cases</extracomment>
        <translation>My cases</translation>
    </message>
    <message>
        <location filename="../../app/views/caseload.py" line="331"/>
        <source>沒有符合條件的個案</source>
        <extracomment>English in the code: No matching cases</extracomment>
        <translation>No matching cases</translation>
    </message>
    <message>
        <location filename="../../app/views/caseload.py" line="338"/>
        <source>（搜尋中…）</source>
        <extracomment>English in the code:  (searching…)</extracomment>
        <translation> (searching…)</translation>
    </message>
    <message>
        <location filename="../../app/views/conflicts.py" line="91"/>
        <source>同步衝突與被退回的修改</source>
        <extracomment>English in the code: Sync conflicts and refused edits</extracomment>
        <translation>Sync conflicts and refused edits</translation>
    </message>
    <message>
        <location filename="../../app/views/conflicts.py" line="94"/>
        <location filename="../../app/views/conflicts.py" line="222"/>
        <location filename="../../app/views/supervisor/overview.py" line="157"/>
        <source>同步衝突</source>
        <extracomment>English in the code: Conflicts</extracomment>
        <translation>Conflicts</translation>
    </message>
    <message>
        <location filename="../../app/views/conflicts.py" line="95"/>
        <location filename="../../app/views/conflicts.py" line="223"/>
        <source>被退回的修改</source>
        <extracomment>English in the code: Refused edits</extracomment>
        <translation>Refused edits</translation>
    </message>
    <message>
        <location filename="../../app/views/conflicts.py" line="109"/>
        <location filename="../../app/views/conflicts.py" line="158"/>
        <location filename="../../app/views/supervisor/audit.py" line="107"/>
        <location filename="../../app/views/supervisor/audit.py" line="140"/>
        <location filename="../../app/views/supervisor/audit.py" line="160"/>
        <location filename="../../app/views/supervisor/review_queue.py" line="64"/>
        <location filename="../../app/views/supervisor/review_queue.py" line="136"/>
        <source>個案</source>
        <comment>Client</comment>
        <extracomment>English in the code: Client</extracomment>
        <translation>Client</translation>
    </message>
    <message>
        <location filename="../../app/views/conflicts.py" line="110"/>
        <location filename="../../app/views/conflicts.py" line="159"/>
        <location filename="../../app/views/supervisor/audit.py" line="139"/>
        <source>資料</source>
        <extracomment>English in the code: Record</extracomment>
        <translation>Record</translation>
    </message>
    <message>
        <location filename="../../app/views/conflicts.py" line="111"/>
        <source>欄位</source>
        <extracomment>English in the code: Field</extracomment>
        <translation>Field</translation>
    </message>
    <message>
        <location filename="../../app/views/conflicts.py" line="112"/>
        <source>我的</source>
        <extracomment>English in the code: Mine</extracomment>
        <translation>Mine</translation>
    </message>
    <message>
        <location filename="../../app/views/conflicts.py" line="113"/>
        <source>對方</source>
        <extracomment>English in the code: Theirs</extracomment>
        <translation>Theirs</translation>
    </message>
    <message>
        <location filename="../../app/views/conflicts.py" line="114"/>
        <source>狀態</source>
        <comment>State</comment>
        <extracomment>English in the code: State</extracomment>
        <translation>State</translation>
    </message>
    <message>
        <location filename="../../app/views/conflicts.py" line="117"/>
        <source>同步衝突清單</source>
        <extracomment>English in the code: Conflict list</extracomment>
        <translation>Conflict list</translation>
    </message>
    <message>
        <location filename="../../app/views/conflicts.py" line="119"/>
        <source>選擇要保留的值</source>
        <extracomment>English in the code: Choose the value to keep</extracomment>
        <translation>Choose the value to keep</translation>
    </message>
    <message>
        <location filename="../../app/views/conflicts.py" line="127"/>
        <source>共同原值</source>
        <extracomment>English in the code: Common base</extracomment>
        <translation>Common base</translation>
    </message>
    <message>
        <location filename="../../app/views/conflicts.py" line="128"/>
        <source>保留我的</source>
        <extracomment>English in the code: Keep mine</extracomment>
        <translation>Keep mine</translation>
    </message>
    <message>
        <location filename="../../app/views/conflicts.py" line="129"/>
        <source>保留對方的</source>
        <extracomment>English in the code: Keep theirs</extracomment>
        <translation>Keep theirs</translation>
    </message>
    <message>
        <location filename="../../app/views/conflicts.py" line="130"/>
        <source>改為：</source>
        <extracomment>English in the code: Change to:</extracomment>
        <translation>Change to:</translation>
    </message>
    <message>
        <location filename="../../app/views/conflicts.py" line="137"/>
        <source>自行輸入的值</source>
        <extracomment>English in the code: Value typed</extracomment>
        <translation>Value typed</translation>
    </message>
    <message>
        <location filename="../../app/views/conflicts.py" line="144"/>
        <location filename="../../app/views/conflicts.py" line="145"/>
        <source>以此值解決</source>
        <extracomment>English in the code: Resolve with this value</extracomment>
        <translation>Resolve with this value</translation>
    </message>
    <message>
        <location filename="../../app/views/conflicts.py" line="160"/>
        <source>輸入的內容</source>
        <extracomment>English in the code: What was typed</extracomment>
        <translation>What was typed</translation>
    </message>
    <message>
        <location filename="../../app/views/conflicts.py" line="161"/>
        <source>退回原因</source>
        <extracomment>English in the code: Reason</extracomment>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../app/views/conflicts.py" line="164"/>
        <source>被退回的修改清單</source>
        <extracomment>English in the code: Refused edits</extracomment>
        <translation>Refused edits</translation>
    </message>
    <message>
        <location filename="../../app/views/conflicts.py" line="165"/>
        <source>已閱，從清單移除</source>
        <extracomment>English in the code: Seen: remove from the list</extracomment>
        <translation>Seen: remove from the list</translation>
    </message>
    <message>
        <location filename="../../app/views/conflicts.py" line="173"/>
        <source>伺服器未接受以下修改（例如個案已移交他人或紀錄已定稿）。內容保留於此，請視需要另行補登。</source>
        <extracomment>English in the code: The server did not accept these edits (the case was handed over, or the record was finalised, say). What was typed is kept here; enter it again where it belongs if needed.</extracomment>
        <translation>The server did not accept these edits (the case was handed over, or the record was finalised, say). What was typed is kept here; enter it again where it belongs if needed.</translation>
    </message>
    <message>
        <location filename="../../app/views/conflicts.py" line="194"/>
        <source>待同步：</source>
        <extracomment>English in the code: To send: </extracomment>
        <translation>To send: </translation>
    </message>
    <message>
        <location filename="../../app/views/conflicts.py" line="196"/>
        <source>待決定</source>
        <extracomment>English in the code: Undecided</extracomment>
        <translation>Undecided</translation>
    </message>
    <message>
        <location filename="../../app/views/directory.py" line="63"/>
        <source>搜尋單位名稱…</source>
        <extracomment>English in the code: Search unit names…</extracomment>
        <translation>Search unit names…</translation>
    </message>
    <message>
        <location filename="../../app/views/directory.py" line="65"/>
        <source>搜尋單位名稱</source>
        <extracomment>English in the code: Search unit names</extracomment>
        <translation>Search unit names</translation>
    </message>
    <message>
        <location filename="../../app/views/directory.py" line="67"/>
        <location filename="../../app/views/workspace/plan_dialogs.py" line="139"/>
        <location filename="../../app/views/workspace/plan_dialogs.py" line="173"/>
        <location filename="../../app/views/workspace/plan_editor.py" line="56"/>
        <location filename="../../app/views/workspace/referral_tab.py" line="142"/>
        <location filename="../../app/views/workspace/referral_tab.py" line="162"/>
        <source>服務項目</source>
        <comment>Service</comment>
        <extracomment>English in the code: Service</extracomment>
        <translation>Service</translation>
    </message>
    <message>
        <location filename="../../app/views/directory.py" line="68"/>
        <source>全部服務項目</source>
        <extracomment>English in the code: All services</extracomment>
        <translation>All services</translation>
    </message>
    <message>
        <location filename="../../app/views/directory.py" line="78"/>
        <source>只顯示尚有名額</source>
        <extracomment>English in the code: Only units with room</extracomment>
        <translation>Only units with room</translation>
    </message>
    <message>
        <location filename="../../app/views/directory.py" line="79"/>
        <source>新增單位…</source>
        <extracomment>English in the code: Add unit…</extracomment>
        <translation>Add unit…</translation>
    </message>
    <message>
        <location filename="../../app/views/directory.py" line="83"/>
        <source>筆數</source>
        <extracomment>English in the code: Count</extracomment>
        <translation>Count</translation>
    </message>
    <message>
        <location filename="../../app/views/directory.py" line="91"/>
        <source>服務單位</source>
        <comment>Service units</comment>
        <extracomment>English in the code: Service units</extracomment>
        <translation>Service units</translation>
    </message>
    <message>
        <location filename="../../app/views/directory.py" line="176"/>
        <source>沒有符合的單位。試試其他縣市或服務項目。</source>
        <extracomment>English in the code: No unit matches; try another county or service.</extracomment>
        <translation>No unit matches; try another county or service.</translation>
    </message>
    <message>
        <location filename="../../app/views/errors.py" line="42"/>
        <source>發生未預期的錯誤</source>
        <extracomment>English in the code: Unexpected error</extracomment>
        <translation>Unexpected error</translation>
    </message>
    <message>
        <location filename="../../app/views/errors.py" line="44"/>
        <source>FieldCase 發生未預期的錯誤。已輸入的內容會保留；請將下方詳細資訊提供給系統管理員。</source>
        <extracomment>English in the code: Something went wrong that FieldCase did not expect. What you typed is kept; please send the details below to your administrator.</extracomment>
        <translation>Something went wrong that FieldCase did not expect. What you typed is kept; please send the details below to your administrator.</translation>
    </message>
    <message>
        <location filename="../../app/views/errors.py" line="53"/>
        <source>錯誤詳細資訊</source>
        <extracomment>English in the code: Error details</extracomment>
        <translation>Error details</translation>
    </message>
    <message>
        <location filename="../../app/views/errors.py" line="55"/>
        <source>複製詳細資訊</source>
        <extracomment>English in the code: Copy details</extracomment>
        <translation>Copy details</translation>
    </message>
    <message>
        <location filename="../../app/views/forms.py" line="133"/>
        <location filename="../../app/views/workspace/certificates.py" line="46"/>
        <source>（請選擇）</source>
        <extracomment>English in the code: (choose)</extracomment>
        <translation>(choose)</translation>
    </message>
    <message>
        <location filename="../../app/views/handover.py" line="80"/>
        <source>移案</source>
        <extracomment>English in the code: Hand over cases</extracomment>
        <translation>Hand over cases</translation>
    </message>
    <message>
        <location filename="../../app/views/handover.py" line="87"/>
        <source>要移出的個案</source>
        <extracomment>English in the code: Cases to hand over</extracomment>
        <translation>Cases to hand over</translation>
    </message>
    <message>
        <location filename="../../app/views/handover.py" line="92"/>
        <source>移案摘要</source>
        <extracomment>English in the code: Hand-over summary</extracomment>
        <translation>Hand-over summary</translation>
    </message>
    <message>
        <location filename="../../app/views/handover.py" line="98"/>
        <source>移案摘要（將隨個案一併移交）</source>
        <extracomment>English in the code: Hand-over summary (goes with the case, kept in Chinese)</extracomment>
        <translation>Hand-over summary (goes with the case, kept in Chinese)</translation>
    </message>
    <message>
        <location filename="../../app/views/handover.py" line="104"/>
        <location filename="../../app/views/supervisor/note_editor.py" line="174"/>
        <source>個案</source>
        <comment>Cases</comment>
        <extracomment>English in the code: Cases</extracomment>
        <translation>Cases</translation>
    </message>
    <message>
        <location filename="../../app/views/handover.py" line="116"/>
        <source>接手個管員</source>
        <extracomment>English in the code: Receiving case manager</extracomment>
        <translation>Receiving case manager</translation>
    </message>
    <message>
        <location filename="../../app/views/handover.py" line="119"/>
        <source>選擇或輸入帳號</source>
        <extracomment>English in the code: Choose or type a username</extracomment>
        <translation>Choose or type a username</translation>
    </message>
    <message>
        <location filename="../../app/views/handover.py" line="125"/>
        <source>移案原因</source>
        <extracomment>English in the code: Reason</extracomment>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../app/views/handover.py" line="131"/>
        <source>選擇或輸入原因</source>
        <extracomment>English in the code: Choose or type a reason</extracomment>
        <translation>Choose or type a reason</translation>
    </message>
    <message>
        <location filename="../../app/views/handover.py" line="134"/>
        <source>移案日</source>
        <extracomment>English in the code: Hand-over date</extracomment>
        <translation>Hand-over date</translation>
    </message>
    <message>
        <location filename="../../app/views/handover.py" line="137"/>
        <source>接手個管員 *</source>
        <extracomment>English in the code: Receiving case manager *</extracomment>
        <translation>Receiving case manager *</translation>
    </message>
    <message>
        <location filename="../../app/views/handover.py" line="138"/>
        <source>移案原因 *</source>
        <extracomment>English in the code: Reason *</extracomment>
        <translation>Reason *</translation>
    </message>
    <message>
        <location filename="../../app/views/handover.py" line="139"/>
        <source>移案日 *</source>
        <extracomment>English in the code: Date *</extracomment>
        <translation>Date *</translation>
    </message>
    <message>
        <location filename="../../app/views/handover.py" line="146"/>
        <source>確認移案</source>
        <extracomment>English in the code: Hand over</extracomment>
        <translation>Hand over</translation>
    </message>
    <message>
        <location filename="../../app/views/handover.py" line="149"/>
        <location filename="../../app/views/intake_application.py" line="132"/>
        <location filename="../../app/views/print_preview.py" line="305"/>
        <location filename="../../app/views/unit_dialog.py" line="134"/>
        <location filename="../../app/views/workspace/common.py" line="201"/>
        <source>取消</source>
        <extracomment>English in the code: Cancel</extracomment>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../app/views/handover.py" line="166"/>
        <source>準備移案摘要…</source>
        <extracomment>English in the code: Preparing hand-over summaries…</extracomment>
        <translation>Preparing hand-over summaries…</translation>
    </message>
    <message>
        <location filename="../../app/views/handover.py" line="189"/>
        <source>無待辦</source>
        <extracomment>English in the code: nothing due</extracomment>
        <translation>nothing due</translation>
    </message>
    <message>
        <location filename="../../app/views/handover.py" line="247"/>
        <source>請選擇接手的個管員。</source>
        <extracomment>English in the code: Choose who takes over.</extracomment>
        <translation>Choose who takes over.</translation>
    </message>
    <message>
        <location filename="../../app/views/handover.py" line="255"/>
        <source>請填寫移案原因。</source>
        <extracomment>English in the code: Please give a reason.</extracomment>
        <translation>Please give a reason.</translation>
    </message>
    <message>
        <location filename="../../app/views/handover.py" line="268"/>
        <source>移案中…</source>
        <extracomment>English in the code: Handing over…</extracomment>
        <translation>Handing over…</translation>
    </message>
    <message>
        <location filename="../../app/views/handover.py" line="294"/>
        <location filename="../../app/views/print_preview.py" line="216"/>
        <source>關閉</source>
        <extracomment>English in the code: Close</extracomment>
        <translation>Close</translation>
    </message>
    <message>
        <location filename="../../app/views/intake.py" line="105"/>
        <source>新案受理（申請／轉介）</source>
        <extracomment>English in the code: New intake (application / referral)</extracomment>
        <translation>New intake (application / referral)</translation>
    </message>
    <message>
        <location filename="../../app/views/intake.py" line="118"/>
        <source>步驟</source>
        <extracomment>English in the code: Step</extracomment>
        <translation>Step</translation>
    </message>
    <message>
        <location filename="../../app/views/intake.py" line="192"/>
        <source>（沿用既有個案資料）</source>
        <extracomment>English in the code:  (existing client)</extracomment>
        <translation> (existing client)</translation>
    </message>
    <message>
        <location filename="../../app/views/intake.py" line="193"/>
        <source>轉介</source>
        <extracomment>English in the code: referral</extracomment>
        <translation>referral</translation>
    </message>
    <message>
        <location filename="../../app/views/intake.py" line="193"/>
        <source>申請</source>
        <extracomment>English in the code: application</extracomment>
        <translation>application</translation>
    </message>
    <message>
        <location filename="../../app/views/intake.py" line="213"/>
        <source>接案評估日</source>
        <extracomment>English in the code: Assessment date</extracomment>
        <translation>Assessment date</translation>
    </message>
    <message>
        <location filename="../../app/views/intake.py" line="217"/>
        <source>接案評估內容</source>
        <extracomment>English in the code: Intake assessment</extracomment>
        <translation>Intake assessment</translation>
    </message>
    <message>
        <location filename="../../app/views/intake.py" line="219"/>
        <source>資格、需求、就業意願與評估結論…</source>
        <extracomment>English in the code: Eligibility, needs, willingness to work, conclusion…</extracomment>
        <translation>Eligibility, needs, willingness to work, conclusion…</translation>
    </message>
    <message>
        <location filename="../../app/views/intake.py" line="223"/>
        <source>開案</source>
        <extracomment>English in the code: Open the case</extracomment>
        <translation>Open the case</translation>
    </message>
    <message>
        <location filename="../../app/views/intake.py" line="224"/>
        <source>不開案</source>
        <extracomment>English in the code: Do not open</extracomment>
        <translation>Do not open</translation>
    </message>
    <message>
        <location filename="../../app/views/intake.py" line="225"/>
        <source>暫不決定（只儲存評估）</source>
        <extracomment>English in the code: Decide later (save the assessment only)</extracomment>
        <translation>Decide later (save the assessment only)</translation>
    </message>
    <message>
        <location filename="../../app/views/intake.py" line="231"/>
        <source>不開案理由</source>
        <extracomment>English in the code: Reason for not opening</extracomment>
        <translation>Reason for not opening</translation>
    </message>
    <message>
        <location filename="../../app/views/intake.py" line="232"/>
        <source>不開案時必填，會寫入不開案通知。</source>
        <extracomment>English in the code: Required when not opening the case.</extracomment>
        <translation>Required when not opening the case.</translation>
    </message>
    <message>
        <location filename="../../app/views/intake.py" line="237"/>
        <source>已回覆日期</source>
        <extracomment>English in the code: Reply sent on</extracomment>
        <translation>Reply sent on</translation>
    </message>
    <message>
        <location filename="../../app/views/intake.py" line="243"/>
        <source>回覆期限</source>
        <extracomment>English in the code: Reply due</extracomment>
        <translation>Reply due</translation>
    </message>
    <message>
        <location filename="../../app/views/intake.py" line="255"/>
        <source>接案評估日 *</source>
        <extracomment>English in the code: Assessed on *</extracomment>
        <translation>Assessed on *</translation>
    </message>
    <message>
        <location filename="../../app/views/intake.py" line="256"/>
        <source>評估內容 *</source>
        <extracomment>English in the code: Assessment *</extracomment>
        <translation>Assessment *</translation>
    </message>
    <message>
        <location filename="../../app/views/intake.py" line="257"/>
        <source>決定</source>
        <extracomment>English in the code: Decision</extracomment>
        <translation>Decision</translation>
    </message>
    <message>
        <location filename="../../app/views/intake.py" line="258"/>
        <source>不開案理由 *</source>
        <extracomment>English in the code: Reason *</extracomment>
        <translation>Reason *</translation>
    </message>
    <message>
        <location filename="../../app/views/intake.py" line="260"/>
        <source>已回覆日期（已通知者填）</source>
        <extracomment>English in the code: Reply sent on (if sent)</extracomment>
        <translation>Reply sent on (if sent)</translation>
    </message>
    <message>
        <location filename="../../app/views/intake.py" line="262"/>
        <location filename="../../app/views/intake.py" line="297"/>
        <source>儲存評估與決定</source>
        <extracomment>English in the code: Save assessment and decision</extracomment>
        <translation>Save assessment and decision</translation>
    </message>
    <message>
        <location filename="../../app/views/intake.py" line="264"/>
        <source>稍後再評估</source>
        <extracomment>English in the code: Assess later</extracomment>
        <translation>Assess later</translation>
    </message>
    <message>
        <location filename="../../app/views/intake.py" line="265"/>
        <source>申請案件已建立，可之後再做接案評估。</source>
        <extracomment>English in the code: The application is saved; assess it later.</extracomment>
        <translation>The application is saved; assess it later.</translation>
    </message>
    <message>
        <location filename="../../app/views/intake.py" line="295"/>
        <source>儲存評估（暫不決定）</source>
        <extracomment>English in the code: Save the assessment</extracomment>
        <translation>Save the assessment</translation>
    </message>
    <message>
        <location filename="../../app/views/intake.py" line="304"/>
        <source>轉介單位</source>
        <comment>the referring unit</comment>
        <extracomment>English in the code: the referring unit</extracomment>
        <translation>the referring unit</translation>
    </message>
    <message>
        <location filename="../../app/views/intake.py" line="304"/>
        <source>申請人</source>
        <extracomment>English in the code: the applicant</extracomment>
        <translation>the applicant</translation>
    </message>
    <message>
        <location filename="../../app/views/intake.py" line="306"/>
        <source>回覆期限：請先填寫接案評估日</source>
        <extracomment>English in the code: Reply due: enter the assessment date</extracomment>
        <translation>Reply due: enter the assessment date</translation>
    </message>
    <message>
        <location filename="../../app/views/intake.py" line="335"/>
        <source>請填寫接案評估內容。</source>
        <extracomment>English in the code: Please write the intake assessment.</extracomment>
        <translation>Please write the intake assessment.</translation>
    </message>
    <message>
        <location filename="../../app/views/intake.py" line="341"/>
        <source>不開案必須說明理由。</source>
        <extracomment>English in the code: A decision not to open needs a reason.</extracomment>
        <translation>A decision not to open needs a reason.</translation>
    </message>
    <message>
        <location filename="../../app/views/intake.py" line="346"/>
        <source>回覆日不能早於評估日。</source>
        <extracomment>English in the code: The reply cannot precede the assessment.</extracomment>
        <translation>The reply cannot precede the assessment.</translation>
    </message>
    <message>
        <location filename="../../app/views/intake.py" line="377"/>
        <source>不開案（案件已結束）</source>
        <extracomment>English in the code: Not opened (the case is closed)</extracomment>
        <translation>Not opened (the case is closed)</translation>
    </message>
    <message>
        <location filename="../../app/views/intake.py" line="379"/>
        <source>已儲存接案評估，尚未決定是否開案</source>
        <extracomment>English in the code: Assessment saved; no decision yet</extracomment>
        <translation>Assessment saved; no decision yet</translation>
    </message>
    <message>
        <location filename="../../app/views/intake.py" line="392"/>
        <source>下一步：寄出開案通知，並安排初次晤談與需求評估（個案工作區的「晤談紀錄」與「需求評估」）。</source>
        <extracomment>English in the code: Next: send the notice of opening, then hold the first interview and the needs assessment.</extracomment>
        <translation>Next: send the notice of opening, then hold the first interview and the needs assessment.</translation>
    </message>
    <message>
        <location filename="../../app/views/intake.py" line="397"/>
        <source>下一步：寄出不開案通知（附理由），必要時轉介其他資源。</source>
        <extracomment>English in the code: Next: send the notice with the reason, and refer the person elsewhere if needed.</extracomment>
        <translation>Next: send the notice with the reason, and refer the person elsewhere if needed.</translation>
    </message>
    <message>
        <location filename="../../app/views/intake.py" line="402"/>
        <source>請在回覆期限前回到個案工作區決定開案或不開案。</source>
        <extracomment>English in the code: Decide on the case from its workspace before the reply is due.</extracomment>
        <translation>Decide on the case from its workspace before the reply is due.</translation>
    </message>
    <message>
        <location filename="../../app/views/intake.py" line="419"/>
        <source>開啟個案工作區</source>
        <extracomment>English in the code: Open the case</extracomment>
        <translation>Open the case</translation>
    </message>
    <message>
        <location filename="../../app/views/intake.py" line="421"/>
        <source>完成</source>
        <extracomment>English in the code: Done</extracomment>
        <translation>Done</translation>
    </message>
    <message>
        <location filename="../../app/views/intake.py" line="450"/>
        <source>1 申請／轉介資料</source>
        <extracomment>English in the code: 1 Application</extracomment>
        <translation>1 Application</translation>
    </message>
    <message>
        <location filename="../../app/views/intake.py" line="451"/>
        <source>2 接案評估與決定</source>
        <extracomment>English in the code: 2 Assessment and decision</extracomment>
        <translation>2 Assessment and decision</translation>
    </message>
    <message>
        <location filename="../../app/views/intake.py" line="452"/>
        <source>3 完成</source>
        <extracomment>English in the code: 3 Done</extracomment>
        <translation>3 Done</translation>
    </message>
    <message>
        <location filename="../../app/views/intake_application.py" line="50"/>
        <source>申請（本人或家長／監護人）</source>
        <extracomment>English in the code: Application (the person or guardian)</extracomment>
        <translation>Application (the person or guardian)</translation>
    </message>
    <message>
        <location filename="../../app/views/intake_application.py" line="51"/>
        <source>轉介（教育、社政、衛生、勞政）</source>
        <extracomment>English in the code: Referral (another agency)</extracomment>
        <translation>Referral (another agency)</translation>
    </message>
    <message>
        <location filename="../../app/views/intake_application.py" line="57"/>
        <location filename="../../app/views/intake_application.py" line="80"/>
        <source>個案來源</source>
        <extracomment>English in the code: Source</extracomment>
        <translation>Source</translation>
    </message>
    <message>
        <location filename="../../app/views/intake_application.py" line="59"/>
        <source>轉介單位</source>
        <comment>Referring unit</comment>
        <extracomment>English in the code: Referring unit</extracomment>
        <translation>Referring unit</translation>
    </message>
    <message>
        <location filename="../../app/views/intake_application.py" line="61"/>
        <source>例：臺北市立啟明學校</source>
        <extracomment>English in the code: e.g. the referring school or hospital</extracomment>
        <translation>e.g. the referring school or hospital</translation>
    </message>
    <message>
        <location filename="../../app/views/intake_application.py" line="65"/>
        <location filename="../../app/views/intake_application.py" line="83"/>
        <source>服務方案</source>
        <extracomment>English in the code: Programme</extracomment>
        <translation>Programme</translation>
    </message>
    <message>
        <location filename="../../app/views/intake_application.py" line="69"/>
        <location filename="../../app/views/intake_application.py" line="84"/>
        <source>申請日</source>
        <extracomment>English in the code: Application date</extracomment>
        <translation>Application date</translation>
    </message>
    <message>
        <location filename="../../app/views/intake_application.py" line="72"/>
        <source>服務縣市</source>
        <extracomment>English in the code: County</extracomment>
        <translation>County</translation>
    </message>
    <message>
        <location filename="../../app/views/intake_application.py" line="74"/>
        <source>申請／轉介</source>
        <extracomment>English in the code: Application / referral</extracomment>
        <translation>Application / referral</translation>
    </message>
    <message>
        <location filename="../../app/views/intake_application.py" line="79"/>
        <source>類型</source>
        <comment>Kind</comment>
        <extracomment>English in the code: Kind</extracomment>
        <translation>Kind</translation>
    </message>
    <message>
        <location filename="../../app/views/intake_application.py" line="81"/>
        <source>轉介單位 *</source>
        <extracomment>English in the code: Referring unit *</extracomment>
        <translation>Referring unit *</translation>
    </message>
    <message>
        <location filename="../../app/views/intake_application.py" line="88"/>
        <source>服務縣市 *</source>
        <extracomment>English in the code: County *</extracomment>
        <translation>County *</translation>
    </message>
    <message>
        <location filename="../../app/views/intake_application.py" line="91"/>
        <location filename="../../app/views/intake_duplicates.py" line="35"/>
        <location filename="../../app/views/workspace/profile_tab.py" line="151"/>
        <source>姓名</source>
        <extracomment>English in the code: Name</extracomment>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../app/views/intake_application.py" line="98"/>
        <source>身分證字號／居留證號</source>
        <extracomment>English in the code: ID number</extracomment>
        <translation>ID number</translation>
    </message>
    <message>
        <location filename="../../app/views/intake_application.py" line="101"/>
        <location filename="../../app/views/intake_application.py" line="118"/>
        <location filename="../../app/views/workspace/profile_tab.py" line="153"/>
        <source>性別</source>
        <extracomment>English in the code: Gender</extracomment>
        <translation>Gender</translation>
    </message>
    <message>
        <location filename="../../app/views/intake_application.py" line="108"/>
        <location filename="../../app/views/workspace/profile_tab.py" line="75"/>
        <location filename="../../app/views/workspace/profile_tab.py" line="154"/>
        <source>出生日期</source>
        <comment>Date of birth</comment>
        <extracomment>English in the code: Date of birth</extracomment>
        <translation>Date of birth</translation>
    </message>
    <message>
        <location filename="../../app/views/intake_application.py" line="110"/>
        <source>手機</source>
        <comment>Mobile phone</comment>
        <extracomment>English in the code: Mobile phone</extracomment>
        <translation>Mobile phone</translation>
    </message>
    <message>
        <location filename="../../app/views/intake_application.py" line="112"/>
        <location filename="../../app/views/intake_application.py" line="121"/>
        <source>居住縣市</source>
        <extracomment>English in the code: County of residence</extracomment>
        <translation>County of residence</translation>
    </message>
    <message>
        <location filename="../../app/views/intake_application.py" line="114"/>
        <source>個案基本資料</source>
        <comment>The person</comment>
        <extracomment>English in the code: The person</extracomment>
        <translation>The person</translation>
    </message>
    <message>
        <location filename="../../app/views/intake_application.py" line="116"/>
        <source>姓名 *</source>
        <extracomment>English in the code: Name *</extracomment>
        <translation>Name *</translation>
    </message>
    <message>
        <location filename="../../app/views/intake_application.py" line="117"/>
        <source>身分證字號 *</source>
        <extracomment>English in the code: ID number *</extracomment>
        <translation>ID number *</translation>
    </message>
    <message>
        <location filename="../../app/views/intake_application.py" line="119"/>
        <source>出生日期 *</source>
        <extracomment>English in the code: Date of birth *</extracomment>
        <translation>Date of birth *</translation>
    </message>
    <message>
        <location filename="../../app/views/intake_application.py" line="120"/>
        <location filename="../../app/views/workspace/profile_tab.py" line="86"/>
        <location filename="../../app/views/workspace/profile_tab.py" line="162"/>
        <source>手機</source>
        <comment>Mobile</comment>
        <extracomment>English in the code: Mobile</extracomment>
        <translation>Mobile</translation>
    </message>
    <message>
        <location filename="../../app/views/intake_application.py" line="131"/>
        <source>下一步：檢查重複資料 ▸</source>
        <extracomment>English in the code: Next: check for duplicates ▸</extracomment>
        <translation>Next: check for duplicates ▸</translation>
    </message>
    <message>
        <location filename="../../app/views/intake_application.py" line="144"/>
        <source>標 * 者必填。儲存前會先比對是否已有同一人的資料。</source>
        <extracomment>English in the code: * required. Existing records are checked first.</extracomment>
        <translation>* required. Existing records are checked first.</translation>
    </message>
    <message>
        <location filename="../../app/views/intake_application.py" line="167"/>
        <source>轉介日 *</source>
        <extracomment>English in the code: Referral date *</extracomment>
        <translation>Referral date *</translation>
    </message>
    <message>
        <location filename="../../app/views/intake_application.py" line="167"/>
        <source>申請日 *</source>
        <extracomment>English in the code: Application date *</extracomment>
        <translation>Application date *</translation>
    </message>
    <message>
        <location filename="../../app/views/intake_application.py" line="178"/>
        <source>請選擇服務縣市。</source>
        <extracomment>English in the code: Please choose the county.</extracomment>
        <translation>Please choose the county.</translation>
    </message>
    <message>
        <location filename="../../app/views/intake_duplicates.py" line="35"/>
        <source>身分證字號</source>
        <extracomment>English in the code: ID number</extracomment>
        <translation>ID number</translation>
    </message>
    <message>
        <location filename="../../app/views/intake_duplicates.py" line="35"/>
        <source>出生日期</source>
        <comment>Born</comment>
        <extracomment>English in the code: Born</extracomment>
        <translation>Born</translation>
    </message>
    <message>
        <location filename="../../app/views/intake_duplicates.py" line="35"/>
        <source>相符之處</source>
        <extracomment>English in the code: Why</extracomment>
        <translation>Why</translation>
    </message>
    <message>
        <location filename="../../app/views/intake_duplicates.py" line="36"/>
        <source>既有案件</source>
        <extracomment>English in the code: Cases on file</extracomment>
        <translation>Cases on file</translation>
    </message>
    <message>
        <location filename="../../app/views/intake_duplicates.py" line="38"/>
        <source>可能是同一人的既有個案</source>
        <extracomment>English in the code: Clients who may be the same person</extracomment>
        <translation>Clients who may be the same person</translation>
    </message>
    <message>
        <location filename="../../app/views/intake_duplicates.py" line="48"/>
        <source>使用所選個案的資料，為其新增案件</source>
        <extracomment>English in the code: Use this client and add a new case</extracomment>
        <translation>Use this client and add a new case</translation>
    </message>
    <message>
        <location filename="../../app/views/intake_duplicates.py" line="49"/>
        <source>不是同一人，建立新個案</source>
        <extracomment>English in the code: Not the same person: create a new client</extracomment>
        <translation>Not the same person: create a new client</translation>
    </message>
    <message>
        <location filename="../../app/views/intake_duplicates.py" line="50"/>
        <source>◂ 返回修改</source>
        <extracomment>English in the code: ◂ Back</extracomment>
        <translation>◂ Back</translation>
    </message>
    <message>
        <location filename="../../app/views/intake_duplicates.py" line="63"/>
        <source>使用既有個案時，基本資料沿用原紀錄；若電話或地址有變，請在個案工作區的基本資料頁更新。</source>
        <extracomment>English in the code: The existing client&apos;s details are kept; update phone or address on the case&apos;s profile tab.</extracomment>
        <translation>The existing client&apos;s details are kept; update phone or address on the case&apos;s profile tab.</translation>
    </message>
    <message>
        <location filename="../../app/views/intake_duplicates.py" line="90"/>
        <source>&lt;b&gt;這個身分證字號已有個案資料。&lt;/b&gt;&lt;br&gt;同一人不能建立第二份個案資料；請使用既有資料，為其新增案件。</source>
        <extracomment>English in the code: &lt;b&gt;This ID number is already on file.&lt;/b&gt;&lt;br&gt;The same person cannot be entered twice; add the new case to the existing client.</extracomment>
        <translation>&lt;b&gt;This ID number is already on file.&lt;/b&gt;&lt;br&gt;The same person cannot be entered twice; add the new case to the existing client.</translation>
    </message>
    <message>
        <location filename="../../app/views/intake_duplicates.py" line="99"/>
        <source>&lt;b&gt;找到姓名相近、出生日期相同的個案。&lt;/b&gt;&lt;br&gt;請確認是否為同一人（例如證號打錯）；是的話請使用既有資料。</source>
        <extracomment>English in the code: &lt;b&gt;A client with a similar name and the same date of birth is on file.&lt;/b&gt;&lt;br&gt;Check whether it is the same person (a mistyped ID number?); if so, use the existing client.</extracomment>
        <translation>&lt;b&gt;A client with a similar name and the same date of birth is on file.&lt;/b&gt;&lt;br&gt;Check whether it is the same person (a mistyped ID number?); if so, use the existing client.</translation>
    </message>
    <message>
        <location filename="../../app/views/intake_duplicates.py" line="126"/>
        <source>身分證字號相同</source>
        <extracomment>English in the code: Same ID number</extracomment>
        <translation>Same ID number</translation>
    </message>
    <message>
        <location filename="../../app/views/intake_duplicates.py" line="128"/>
        <source>姓名相近＋出生日期相同</source>
        <extracomment>English in the code: Similar name, same birth date</extracomment>
        <translation>Similar name, same birth date</translation>
    </message>
    <message>
        <location filename="../../app/views/intake_duplicates.py" line="134"/>
        <location filename="../../app/views/workspace/employment_status.py" line="54"/>
        <source>無</source>
        <extracomment>English in the code: none</extracomment>
        <translation>none</translation>
    </message>
    <message>
        <location filename="../../app/views/login.py" line="29"/>
        <source>登入同步伺服器</source>
        <extracomment>English in the code: Log in to the sync server</extracomment>
        <translation>Log in to the sync server</translation>
    </message>
    <message>
        <location filename="../../app/views/login.py" line="32"/>
        <location filename="../../app/views/login.py" line="44"/>
        <source>伺服器網址</source>
        <extracomment>English in the code: Server address</extracomment>
        <translation>Server address</translation>
    </message>
    <message>
        <location filename="../../app/views/login.py" line="34"/>
        <location filename="../../app/views/login.py" line="45"/>
        <source>帳號</source>
        <extracomment>English in the code: User name</extracomment>
        <translation>User name</translation>
    </message>
    <message>
        <location filename="../../app/views/login.py" line="37"/>
        <location filename="../../app/views/login.py" line="46"/>
        <source>密碼</source>
        <extracomment>English in the code: Password</extracomment>
        <translation>Password</translation>
    </message>
    <message>
        <location filename="../../app/views/login.py" line="39"/>
        <source>這台電腦的名稱</source>
        <extracomment>English in the code: This laptop&apos;s name</extracomment>
        <translation>This laptop&apos;s name</translation>
    </message>
    <message>
        <location filename="../../app/views/login.py" line="47"/>
        <source>電腦名稱</source>
        <extracomment>English in the code: Laptop name</extracomment>
        <translation>Laptop name</translation>
    </message>
    <message>
        <location filename="../../app/views/login.py" line="61"/>
        <source>請填寫伺服器網址、帳號與密碼。</source>
        <extracomment>English in the code: Fill in the server, user name and password.</extracomment>
        <translation>Fill in the server, user name and password.</translation>
    </message>
    <message>
        <location filename="../../app/views/login.py" line="66"/>
        <source>登入中…</source>
        <extracomment>English in the code: Logging in…</extracomment>
        <translation>Logging in…</translation>
    </message>
    <message>
        <location filename="../../app/views/print_monthly.py" line="60"/>
        <location filename="../../app/views/supervisor/reports.py" line="139"/>
        <source>月報表</source>
        <extracomment>English in the code: Monthly report</extracomment>
        <translation>Monthly report</translation>
    </message>
    <message>
        <location filename="../../app/views/print_monthly.py" line="63"/>
        <location filename="../../app/views/print_monthly.py" line="81"/>
        <location filename="../../app/views/print_monthly.py" line="106"/>
        <source>統計月份</source>
        <extracomment>English in the code: Month</extracomment>
        <translation>Month</translation>
    </message>
    <message>
        <location filename="../../app/views/print_monthly.py" line="64"/>
        <source>例：114/10 或 2025-10</source>
        <extracomment>English in the code: e.g. 2025-10 or 114/10</extracomment>
        <translation>e.g. 2025-10 or 114/10</translation>
    </message>
    <message>
        <location filename="../../app/views/print_monthly.py" line="74"/>
        <location filename="../../app/views/print_monthly.py" line="83"/>
        <source>就業服務員</source>
        <extracomment>English in the code: Case manager</extracomment>
        <translation>Case manager</translation>
    </message>
    <message>
        <location filename="../../app/views/print_monthly.py" line="75"/>
        <source>全部（整個單位）</source>
        <extracomment>English in the code: Everyone (the whole unit)</extracomment>
        <translation>Everyone (the whole unit)</translation>
    </message>
    <message>
        <location filename="../../app/views/print_monthly.py" line="82"/>
        <source>報表</source>
        <comment>Forms</comment>
        <extracomment>English in the code: Forms</extracomment>
        <translation>Forms</translation>
    </message>
    <message>
        <location filename="../../app/views/print_monthly.py" line="85"/>
        <location filename="../../app/views/printing.py" line="128"/>
        <source>預覽…</source>
        <extracomment>English in the code: Preview…</extracomment>
        <translation>Preview…</translation>
    </message>
    <message>
        <location filename="../../app/views/print_monthly.py" line="87"/>
        <location filename="../../app/views/supervisor/reports.py" line="89"/>
        <source>匯出 Excel…</source>
        <extracomment>English in the code: Save as Excel…</extracomment>
        <translation>Save as Excel…</translation>
    </message>
    <message>
        <location filename="../../app/views/print_monthly.py" line="135"/>
        <source>正在產生月報表…</source>
        <extracomment>English in the code: Making the report…</extracomment>
        <translation>Making the report…</translation>
    </message>
    <message>
        <location filename="../../app/views/print_monthly.py" line="151"/>
        <location filename="../../app/views/supervisor/reports.py" line="268"/>
        <source>匯出 Excel</source>
        <extracomment>English in the code: Save as Excel</extracomment>
        <translation>Save as Excel</translation>
    </message>
    <message>
        <location filename="../../app/views/print_monthly.py" line="175"/>
        <source>正在匯出…</source>
        <extracomment>English in the code: Saving…</extracomment>
        <translation>Saving…</translation>
    </message>
    <message>
        <location filename="../../app/views/print_preview.py" line="63"/>
        <source>預覽頁面</source>
        <extracomment>English in the code: Preview pages</extracomment>
        <translation>Preview pages</translation>
    </message>
    <message>
        <location filename="../../app/views/print_preview.py" line="191"/>
        <source>列印注意事項</source>
        <extracomment>English in the code: Printing warnings</extracomment>
        <translation>Printing warnings</translation>
    </message>
    <message>
        <location filename="../../app/views/print_preview.py" line="193"/>
        <source>注意：</source>
        <extracomment>English in the code: Please note:</extracomment>
        <translation>Please note:</translation>
    </message>
    <message>
        <location filename="../../app/views/print_preview.py" line="202"/>
        <source>預覽</source>
        <extracomment>English in the code: Preview</extracomment>
        <translation>Preview</translation>
    </message>
    <message>
        <location filename="../../app/views/print_preview.py" line="205"/>
        <location filename="../../app/views/print_preview.py" line="227"/>
        <source>縮放</source>
        <extracomment>English in the code: Zoom</extracomment>
        <translation>Zoom</translation>
    </message>
    <message>
        <location filename="../../app/views/print_preview.py" line="206"/>
        <source>符合寬度</source>
        <extracomment>English in the code: Fit width</extracomment>
        <translation>Fit width</translation>
    </message>
    <message>
        <location filename="../../app/views/print_preview.py" line="210"/>
        <location filename="../../app/views/printing.py" line="301"/>
        <location filename="../../app/views/supervisor/notes.py" line="82"/>
        <source>列印…</source>
        <extracomment>English in the code: Print…</extracomment>
        <translation>Print…</translation>
    </message>
    <message>
        <location filename="../../app/views/print_preview.py" line="213"/>
        <source>另存 PDF…</source>
        <extracomment>English in the code: Save as PDF…</extracomment>
        <translation>Save as PDF…</translation>
    </message>
    <message>
        <location filename="../../app/views/print_preview.py" line="219"/>
        <source>列印狀態</source>
        <extracomment>English in the code: Printing status</extracomment>
        <translation>Printing status</translation>
    </message>
    <message>
        <location filename="../../app/views/print_preview.py" line="295"/>
        <location filename="../../app/views/printing.py" line="90"/>
        <source>列印</source>
        <extracomment>English in the code: Print</extracomment>
        <translation>Print</translation>
    </message>
    <message>
        <location filename="../../app/views/print_preview.py" line="305"/>
        <source>列印中…</source>
        <extracomment>English in the code: Printing…</extracomment>
        <translation>Printing…</translation>
    </message>
    <message>
        <location filename="../../app/views/print_preview.py" line="329"/>
        <source>列印未完成。</source>
        <extracomment>English in the code: Printing did not finish.</extracomment>
        <translation>Printing did not finish.</translation>
    </message>
    <message>
        <location filename="../../app/views/print_preview.py" line="337"/>
        <source>另存 PDF</source>
        <extracomment>English in the code: Save as PDF</extracomment>
        <translation>Save as PDF</translation>
    </message>
    <message>
        <location filename="../../app/views/printing.py" line="90"/>
        <source>批次列印</source>
        <extracomment>English in the code: Batch print</extracomment>
        <translation>Batch print</translation>
    </message>
    <message>
        <location filename="../../app/views/printing.py" line="102"/>
        <location filename="../../app/views/printing.py" line="125"/>
        <source>文件</source>
        <extracomment>English in the code: Document</extracomment>
        <translation>Document</translation>
    </message>
    <message>
        <location filename="../../app/views/printing.py" line="109"/>
        <location filename="../../app/views/printing.py" line="126"/>
        <source>受文者</source>
        <extracomment>English in the code: Addressee</extracomment>
        <translation>Addressee</translation>
    </message>
    <message>
        <location filename="../../app/views/printing.py" line="113"/>
        <source>現場簽名（選用）</source>
        <extracomment>English in the code: Sign on screen (optional)</extracomment>
        <translation>Sign on screen (optional)</translation>
    </message>
    <message>
        <location filename="../../app/views/printing.py" line="116"/>
        <source>批次列印時每份文件的簽名欄留白，請列印後親簽。</source>
        <extracomment>English in the code: In a batch, the signature lines stay blank to be signed on paper.</extracomment>
        <translation>In a batch, the signature lines stay blank to be signed on paper.</translation>
    </message>
    <message>
        <location filename="../../app/views/printing.py" line="159"/>
        <location filename="../../app/views/printing.py" line="171"/>
        <source>已簽</source>
        <extracomment>English in the code: Signed</extracomment>
        <translation>Signed</translation>
    </message>
    <message>
        <location filename="../../app/views/printing.py" line="159"/>
        <location filename="../../app/views/printing.py" line="178"/>
        <source>未簽（印出後親簽）</source>
        <extracomment>English in the code: Not signed</extracomment>
        <translation>Not signed</translation>
    </message>
    <message>
        <location filename="../../app/views/printing.py" line="160"/>
        <source>簽名…</source>
        <extracomment>English in the code: Sign…</extracomment>
        <translation>Sign…</translation>
    </message>
    <message>
        <location filename="../../app/views/printing.py" line="162"/>
        <source>清除</source>
        <extracomment>English in the code: Clear</extracomment>
        <translation>Clear</translation>
    </message>
    <message>
        <location filename="../../app/views/printing.py" line="216"/>
        <source>正在產生 PDF…</source>
        <extracomment>English in the code: Making the PDF…</extracomment>
        <translation>Making the PDF…</translation>
    </message>
    <message>
        <location filename="../../app/views/printing.py" line="286"/>
        <source>請先在「我的個案」選取要列印的個案（可按住 Ctrl 或 Shift 多選）。單一個案也可在個案視窗按「列印」。</source>
        <extracomment>English in the code: Select the cases to print in My cases first (Ctrl or Shift to select many), or use Print in a case&apos;s window.</extracomment>
        <translation>Select the cases to print in My cases first (Ctrl or Shift to select many), or use Print in a case&apos;s window.</translation>
    </message>
    <message>
        <location filename="../../app/views/printing.py" line="304"/>
        <source>月報表…</source>
        <extracomment>English in the code: Monthly report…</extracomment>
        <translation>Monthly report…</translation>
    </message>
    <message>
        <location filename="../../app/views/signature_pad.py" line="36"/>
        <source>簽名區</source>
        <extracomment>English in the code: Signature area</extracomment>
        <translation>Signature area</translation>
    </message>
    <message>
        <location filename="../../app/views/signature_pad.py" line="37"/>
        <source>以滑鼠、手指或觸控筆在此簽名</source>
        <extracomment>English in the code: Sign here with a mouse, finger or pen</extracomment>
        <translation>Sign here with a mouse, finger or pen</translation>
    </message>
    <message>
        <location filename="../../app/views/signature_pad.py" line="104"/>
        <source>請在線上簽名</source>
        <extracomment>English in the code: Sign above the line</extracomment>
        <translation>Sign above the line</translation>
    </message>
    <message>
        <location filename="../../app/views/signature_pad.py" line="154"/>
        <source>確定</source>
        <comment>Accept</comment>
        <extracomment>English in the code: Accept</extracomment>
        <translation>Accept</translation>
    </message>
    <message>
        <location filename="../../app/views/signature_pad.py" line="156"/>
        <source>清除重簽</source>
        <extracomment>English in the code: Clear</extracomment>
        <translation>Clear</translation>
    </message>
    <message>
        <location filename="../../app/views/supervisor/audit.py" line="89"/>
        <source>、</source>
        <extracomment>English in the code: , </extracomment>
        <translation>, </translation>
    </message>
    <message>
        <location filename="../../app/views/supervisor/audit.py" line="105"/>
        <source>姓名、身分證號或電話（空白：全部個案）</source>
        <extracomment>English in the code: Name, ID or phone (blank: all)</extracomment>
        <translation>Name, ID or phone (blank: all)</translation>
    </message>
    <message>
        <location filename="../../app/views/supervisor/audit.py" line="110"/>
        <source>選擇個案</source>
        <extracomment>English in the code: Choose the client</extracomment>
        <translation>Choose the client</translation>
    </message>
    <message>
        <location filename="../../app/views/supervisor/audit.py" line="112"/>
        <source>尋找個案</source>
        <extracomment>English in the code: Find client</extracomment>
        <translation>Find client</translation>
    </message>
    <message>
        <location filename="../../app/views/supervisor/audit.py" line="115"/>
        <source>帳號（空白：所有人）</source>
        <extracomment>English in the code: Username (blank: everyone)</extracomment>
        <translation>Username (blank: everyone)</translation>
    </message>
    <message>
        <location filename="../../app/views/supervisor/audit.py" line="116"/>
        <location filename="../../app/views/supervisor/audit.py" line="136"/>
        <location filename="../../app/views/supervisor/audit.py" line="161"/>
        <source>使用者</source>
        <extracomment>English in the code: User</extracomment>
        <translation>User</translation>
    </message>
    <message>
        <location filename="../../app/views/supervisor/audit.py" line="117"/>
        <source>起日</source>
        <extracomment>English in the code: From</extracomment>
        <translation>From</translation>
    </message>
    <message>
        <location filename="../../app/views/supervisor/audit.py" line="118"/>
        <source>迄日</source>
        <extracomment>English in the code: To</extracomment>
        <translation>To</translation>
    </message>
    <message>
        <location filename="../../app/views/supervisor/audit.py" line="122"/>
        <source>查詢</source>
        <extracomment>English in the code: Search</extracomment>
        <translation>Search</translation>
    </message>
    <message>
        <location filename="../../app/views/supervisor/audit.py" line="127"/>
        <source>選好條件後按「查詢」；空白的條件表示不限，預設為最近 7 天。</source>
        <extracomment>English in the code: Choose what to look for and press Search; a blank filter means any. The last 7 days by default.</extracomment>
        <translation>Choose what to look for and press Search; a blank filter means any. The last 7 days by default.</translation>
    </message>
    <message>
        <location filename="../../app/views/supervisor/audit.py" line="135"/>
        <source>時間</source>
        <comment>When</comment>
        <extracomment>English in the code: When</extracomment>
        <translation>When</translation>
    </message>
    <message>
        <location filename="../../app/views/supervisor/audit.py" line="137"/>
        <source>裝置</source>
        <extracomment>English in the code: Device</extracomment>
        <translation>Device</translation>
    </message>
    <message>
        <location filename="../../app/views/supervisor/audit.py" line="138"/>
        <source>動作</source>
        <extracomment>English in the code: Action</extracomment>
        <translation>Action</translation>
    </message>
    <message>
        <location filename="../../app/views/supervisor/audit.py" line="141"/>
        <source>來源位址</source>
        <extracomment>English in the code: Address</extracomment>
        <translation>Address</translation>
    </message>
    <message>
        <location filename="../../app/views/supervisor/audit.py" line="142"/>
        <source>說明</source>
        <comment>Detail</comment>
        <extracomment>English in the code: Detail</extracomment>
        <translation>Detail</translation>
    </message>
    <message>
        <location filename="../../app/views/supervisor/audit.py" line="144"/>
        <location filename="../../app/views/supervisor/pages.py" line="77"/>
        <source>稽核紀錄</source>
        <extracomment>English in the code: Audit log</extracomment>
        <translation>Audit log</translation>
    </message>
    <message>
        <location filename="../../app/views/supervisor/audit.py" line="162"/>
        <source>日期</source>
        <comment>Days</comment>
        <extracomment>English in the code: Days</extracomment>
        <translation>Days</translation>
    </message>
    <message>
        <location filename="../../app/views/supervisor/audit.py" line="166"/>
        <source>誰在何時、從哪台裝置讀取或修改了哪筆資料（個人資料保護法）。紀錄保存在同步伺服器上，查詢需要連線。</source>
        <extracomment>English in the code: Who read or changed which record, when, from which device. The log is kept on the sync server: searching it needs the network.</extracomment>
        <translation>Who read or changed which record, when, from which device. The log is kept on the sync server: searching it needs the network.</translation>
    </message>
    <message>
        <location filename="../../app/views/supervisor/audit.py" line="186"/>
        <source>全部個案</source>
        <extracomment>English in the code: All clients</extracomment>
        <translation>All clients</translation>
    </message>
    <message>
        <location filename="../../app/views/supervisor/audit.py" line="198"/>
        <source>本機找不到符合的個案。</source>
        <extracomment>English in the code: No client on this laptop matches.</extracomment>
        <translation>No client on this laptop matches.</translation>
    </message>
    <message>
        <location filename="../../app/views/supervisor/audit.py" line="217"/>
        <source>迄日不能早於起日。</source>
        <extracomment>English in the code: The last day is before the first.</extracomment>
        <translation>The last day is before the first.</translation>
    </message>
    <message>
        <location filename="../../app/views/supervisor/audit.py" line="220"/>
        <source>查詢中…</source>
        <extracomment>English in the code: Searching…</extracomment>
        <translation>Searching…</translation>
    </message>
    <message>
        <location filename="../../app/views/supervisor/audit.py" line="234"/>
        <source>無法連線到同步伺服器：稽核紀錄保存在伺服器上，請連上網路後再查詢。</source>
        <extracomment>English in the code: The sync server cannot be reached: the audit log is kept on the server; search again once online.</extracomment>
        <translation>The sync server cannot be reached: the audit log is kept on the server; search again once online.</translation>
    </message>
    <message>
        <location filename="../../app/views/supervisor/audit.py" line="241"/>
        <source>請先登入同步伺服器，才能查詢稽核紀錄。</source>
        <extracomment>English in the code: Log in to the sync server to search the audit log.</extracomment>
        <translation>Log in to the sync server to search the audit log.</translation>
    </message>
    <message>
        <location filename="../../app/views/supervisor/audit.py" line="273"/>
        <source>（僅列出最新的部分，請縮小範圍）</source>
        <extracomment>English in the code:  (the newest only: narrow the search)</extracomment>
        <translation> (the newest only: narrow the search)</translation>
    </message>
    <message>
        <location filename="../../app/views/supervisor/audit.py" line="281"/>
        <source>沒有符合的紀錄。</source>
        <extracomment>English in the code: No entry matches.</extracomment>
        <translation>No entry matches.</translation>
    </message>
    <message>
        <location filename="../../app/views/supervisor/audit.py" line="302"/>
        <source>新增</source>
        <extracomment>English in the code: created</extracomment>
        <translation>created</translation>
    </message>
    <message>
        <location filename="../../app/views/supervisor/audit.py" line="304"/>
        <source>帳號或密碼錯誤</source>
        <extracomment>English in the code: wrong username or password</extracomment>
        <translation>wrong username or password</translation>
    </message>
    <message>
        <location filename="../../app/views/supervisor/audit.py" line="312"/>
        <source>同步下載（含衝突）</source>
        <extracomment>English in the code: synced down (with a conflict)</extracomment>
        <translation>synced down (with a conflict)</translation>
    </message>
    <message>
        <location filename="../../app/views/supervisor/audit.py" line="314"/>
        <source>同步下載</source>
        <extracomment>English in the code: synced down</extracomment>
        <translation>synced down</translation>
    </message>
    <message>
        <location filename="../../app/views/supervisor/audit.py" line="346"/>
        <source>查詢稽核紀錄</source>
        <extracomment>English in the code: searched the audit log</extracomment>
        <translation>searched the audit log</translation>
    </message>
    <message>
        <location filename="../../app/views/supervisor/dashboard.py" line="77"/>
        <location filename="../../app/views/supervisor/pages.py" line="74"/>
        <source>績效指標</source>
        <extracomment>English in the code: Performance</extracomment>
        <translation>Performance</translation>
    </message>
    <message>
        <location filename="../../app/views/supervisor/dashboard.py" line="85"/>
        <source>年度</source>
        <extracomment>English in the code: Year</extracomment>
        <translation>Year</translation>
    </message>
    <message>
        <location filename="../../app/views/supervisor/dashboard.py" line="91"/>
        <source>全部服務類別</source>
        <comment>Every programme</comment>
        <extracomment>English in the code: Every programme</extracomment>
        <translation>Every programme</translation>
    </message>
    <message>
        <location filename="../../app/views/supervisor/dashboard.py" line="95"/>
        <source>服務對象分布與近12個月趨勢的範圍</source>
        <extracomment>English in the code: What the distributions and the trend count</extracomment>
        <translation>What the distributions and the trend count</translation>
    </message>
    <message>
        <location filename="../../app/views/supervisor/dashboard.py" line="98"/>
        <location filename="../../app/views/supervisor/overview.py" line="210"/>
        <location filename="../../app/views/supervisor/review_queue.py" line="160"/>
        <source>重新整理</source>
        <extracomment>English in the code: Refresh</extracomment>
        <translation>Refresh</translation>
    </message>
    <message>
        <location filename="../../app/views/supervisor/dashboard.py" line="100"/>
        <location filename="../../app/views/supervisor/overview.py" line="208"/>
        <source>載入中…</source>
        <extracomment>English in the code: Loading…</extracomment>
        <translation>Loading…</translation>
    </message>
    <message>
        <location filename="../../app/views/supervisor/dashboard.py" line="102"/>
        <source>結案率（職業重建）</source>
        <extracomment>English in the code: Closure rate (VR)</extracomment>
        <translation>Closure rate (VR)</translation>
    </message>
    <message>
        <location filename="../../app/views/supervisor/dashboard.py" line="103"/>
        <source>服務人數（職業重建）</source>
        <extracomment>English in the code: People served (VR)</extracomment>
        <translation>People served (VR)</translation>
    </message>
    <message>
        <location filename="../../app/views/supervisor/dashboard.py" line="104"/>
        <source>支持性就業服務（個別模式）</source>
        <extracomment>English in the code: Supported employment (individual)</extracomment>
        <translation>Supported employment (individual)</translation>
    </message>
    <message>
        <location filename="../../app/views/supervisor/dashboard.py" line="105"/>
        <source>推介成功與就業成功（人）</source>
        <extracomment>English in the code: Placements and successes (people)</extracomment>
        <translation>Placements and successes (people)</translation>
    </message>
    <message>
        <location filename="../../app/views/supervisor/dashboard.py" line="107"/>
        <source>服務對象：特定對象身分</source>
        <extracomment>English in the code: Served: target groups</extracomment>
        <translation>Served: target groups</translation>
    </message>
    <message>
        <location filename="../../app/views/supervisor/dashboard.py" line="110"/>
        <source>服務對象：障礙類別</source>
        <extracomment>English in the code: Served: disability categories</extracomment>
        <translation>Served: disability categories</translation>
    </message>
    <message>
        <location filename="../../app/views/supervisor/dashboard.py" line="113"/>
        <source>趨勢項目</source>
        <extracomment>English in the code: Trend of</extracomment>
        <translation>Trend of</translation>
    </message>
    <message>
        <location filename="../../app/views/supervisor/dashboard.py" line="117"/>
        <source>近12個月趨勢</source>
        <extracomment>English in the code: The last 12 months</extracomment>
        <translation>The last 12 months</translation>
    </message>
    <message>
        <location filename="../../app/views/supervisor/dashboard.py" line="130"/>
        <source>沒有資料</source>
        <extracomment>English in the code: No data</extracomment>
        <translation>No data</translation>
    </message>
    <message>
        <location filename="../../app/views/supervisor/dashboard.py" line="177"/>
        <source>計算中…</source>
        <extracomment>English in the code: Computing…</extracomment>
        <translation>Computing…</translation>
    </message>
    <message>
        <location filename="../../app/views/supervisor/dashboard.py" line="187"/>
        <source>無法計算績效指標。</source>
        <extracomment>English in the code: Could not compute the figures.</extracomment>
        <translation>Could not compute the figures.</translation>
    </message>
    <message>
        <location filename="../../app/views/supervisor/dashboard.py" line="219"/>
        <location filename="../../app/views/supervisor/kpi_cards.py" line="45"/>
        <location filename="../../app/views/supervisor/kpi_cards.py" line="174"/>
        <source>推介成功</source>
        <comment>Placements</comment>
        <extracomment>English in the code: Placements</extracomment>
        <translation>Placements</translation>
    </message>
    <message>
        <location filename="../../app/views/supervisor/dashboard.py" line="222"/>
        <source>就業成功</source>
        <comment>Successes</comment>
        <extracomment>English in the code: Successes</extracomment>
        <translation>Successes</translation>
    </message>
    <message>
        <location filename="../../app/views/supervisor/dashboard.py" line="229"/>
        <source>全部服務類別，以人計（同一人當年度只計一次）：推介成功為競爭性職場工作1天以上並投保勞保；就業成功為就業3個月以上（003 三(四)(五)）。</source>
        <extracomment>English in the code: Every programme, in people (once a year each): placed in a competitive job for a day or more with labour insurance; employed 3 months or more.</extracomment>
        <translation>Every programme, in people (once a year each): placed in a competitive job for a day or more with labour insurance; employed 3 months or more.</translation>
    </message>
    <message>
        <location filename="../../app/views/supervisor/dashboard.py" line="247"/>
        <location filename="../../app/views/supervisor/kpi_cards.py" line="247"/>
        <source>無特定對象身分</source>
        <extracomment>English in the code: None</extracomment>
        <translation>None</translation>
    </message>
    <message>
        <location filename="../../app/views/supervisor/dashboard.py" line="256"/>
        <source>一人可有多種身分，各計一次。</source>
        <extracomment>English in the code: A person with several target groups counts in each.</extracomment>
        <translation>A person with several target groups counts in each.</translation>
    </message>
    <message>
        <location filename="../../app/views/supervisor/dashboard.py" line="265"/>
        <source>無身心障礙證明</source>
        <comment>No certificate</comment>
        <extracomment>English in the code: No certificate</extracomment>
        <translation>No certificate</translation>
    </message>
    <message>
        <location filename="../../app/views/supervisor/dashboard.py" line="275"/>
        <source>依最新一張身心障礙證明（或手冊）的類別。</source>
        <extracomment>English in the code: By the categories of the latest certificate.</extracomment>
        <translation>By the categories of the latest certificate.</translation>
    </message>
    <message>
        <location filename="../../app/views/supervisor/dashboard.py" line="300"/>
        <source>新開案、結案以件計；推介成功、就業成功以人計，月份與年度計算方式相同。</source>
        <extracomment>English in the code: Opened and closed count cases; placements and successes count people, as the year does.</extracomment>
        <translation>Opened and closed count cases; placements and successes count people, as the year does.</translation>
    </message>
    <message>
        <location filename="../../app/views/supervisor/dashboard.py" line="317"/>
        <location filename="../../app/views/supervisor/overview.py" line="403"/>
        <source>讀取中…</source>
        <extracomment>English in the code: Loading…</extracomment>
        <translation>Loading…</translation>
    </message>
    <message>
        <location filename="../../app/views/supervisor/drill.py" line="86"/>
        <source>移案…</source>
        <extracomment>English in the code: Hand over…</extracomment>
        <translation>Hand over…</translation>
    </message>
    <message>
        <location filename="../../app/views/supervisor/drill.py" line="89"/>
        <source>將選取的個案移交給另一位個管員</source>
        <extracomment>English in the code: Hand the selected cases to another case manager</extracomment>
        <translation>Hand the selected cases to another case manager</translation>
    </message>
    <message>
        <location filename="../../app/views/supervisor/kpi_cards.py" line="33"/>
        <source>無資料</source>
        <extracomment>English in the code: no data</extracomment>
        <translation>no data</translation>
    </message>
    <message>
        <location filename="../../app/views/supervisor/kpi_cards.py" line="34"/>
        <source>達成</source>
        <extracomment>English in the code: met</extracomment>
        <translation>met</translation>
    </message>
    <message>
        <location filename="../../app/views/supervisor/kpi_cards.py" line="34"/>
        <source>未達</source>
        <extracomment>English in the code: not met</extracomment>
        <translation>not met</translation>
    </message>
    <message>
        <location filename="../../app/views/supervisor/kpi_cards.py" line="43"/>
        <source>新開案</source>
        <extracomment>English in the code: Opened</extracomment>
        <translation>Opened</translation>
    </message>
    <message>
        <location filename="../../app/views/supervisor/kpi_cards.py" line="44"/>
        <location filename="../../app/views/supervisor/kpi_cards.py" line="92"/>
        <source>結案</source>
        <comment>Closed</comment>
        <extracomment>English in the code: Closed</extracomment>
        <translation>Closed</translation>
    </message>
    <message>
        <location filename="../../app/views/supervisor/kpi_cards.py" line="46"/>
        <source>就業成功</source>
        <comment>Employment successes</comment>
        <extracomment>English in the code: Employment successes</extracomment>
        <translation>Employment successes</translation>
    </message>
    <message>
        <location filename="../../app/views/supervisor/kpi_cards.py" line="84"/>
        <source>當年度新開案</source>
        <extracomment>English in the code: Opened this year</extracomment>
        <translation>Opened this year</translation>
    </message>
    <message>
        <location filename="../../app/views/supervisor/kpi_cards.py" line="89"/>
        <source>前一年度未結案</source>
        <extracomment>English in the code: Carried over</extracomment>
        <translation>Carried over</translation>
    </message>
    <message>
        <location filename="../../app/views/supervisor/kpi_cards.py" line="118"/>
        <source>當年度開案</source>
        <extracomment>English in the code: Opened</extracomment>
        <translation>Opened</translation>
    </message>
    <message>
        <location filename="../../app/views/supervisor/kpi_cards.py" line="130"/>
        <source>服務人數</source>
        <extracomment>English in the code: Served</extracomment>
        <translation>Served</translation>
    </message>
    <message>
        <location filename="../../app/views/supervisor/kpi_cards.py" line="155"/>
        <source>今年沒有支持性就業個案。</source>
        <extracomment>English in the code: No supported-employment cases this year.</extracomment>
        <translation>No supported-employment cases this year.</translation>
    </message>
    <message>
        <location filename="../../app/views/supervisor/kpi_cards.py" line="187"/>
        <source>支持性就業成功</source>
        <comment>Supported</comment>
        <extracomment>English in the code: Supported</extracomment>
        <translation>Supported</translation>
    </message>
    <message>
        <location filename="../../app/views/supervisor/kpi_cards.py" line="197"/>
        <source>支持性合計（含換算）</source>
        <extracomment>English in the code: Supported incl. converted</extracomment>
        <translation>Supported incl. converted</translation>
    </message>
    <message>
        <location filename="../../app/views/supervisor/kpi_cards.py" line="203"/>
        <source>目標</source>
        <comment>target</comment>
        <extracomment>English in the code: target</extracomment>
        <translation>target</translation>
    </message>
    <message>
        <location filename="../../app/views/supervisor/kpi_cards.py" line="235"/>
        <source>職業重建當年度新開案</source>
        <extracomment>English in the code: VR opened</extracomment>
        <translation>VR opened</translation>
    </message>
    <message>
        <location filename="../../app/views/supervisor/kpi_cards.py" line="236"/>
        <source>職業重建前一年度未結案</source>
        <extracomment>English in the code: VR carried over</extracomment>
        <translation>VR carried over</translation>
    </message>
    <message>
        <location filename="../../app/views/supervisor/kpi_cards.py" line="237"/>
        <source>職業重建結案</source>
        <extracomment>English in the code: VR closed</extracomment>
        <translation>VR closed</translation>
    </message>
    <message>
        <location filename="../../app/views/supervisor/kpi_cards.py" line="238"/>
        <source>職業重建服務人數</source>
        <extracomment>English in the code: VR served</extracomment>
        <translation>VR served</translation>
    </message>
    <message>
        <location filename="../../app/views/supervisor/kpi_cards.py" line="239"/>
        <source>支持性就業推介成功</source>
        <extracomment>English in the code: Supported employment placements</extracomment>
        <translation>Supported employment placements</translation>
    </message>
    <message>
        <location filename="../../app/views/supervisor/kpi_cards.py" line="240"/>
        <source>支持性就業成功</source>
        <comment>Supported successes</comment>
        <extracomment>English in the code: Supported successes</extracomment>
        <translation>Supported successes</translation>
    </message>
    <message>
        <location filename="../../app/views/supervisor/kpi_cards.py" line="241"/>
        <source>一般性就業成功</source>
        <extracomment>English in the code: General successes</extracomment>
        <translation>General successes</translation>
    </message>
    <message>
        <location filename="../../app/views/supervisor/kpi_cards.py" line="242"/>
        <source>支持性與一般性就業成功</source>
        <extracomment>English in the code: Supported and general successes</extracomment>
        <translation>Supported and general successes</translation>
    </message>
    <message>
        <location filename="../../app/views/supervisor/kpi_cards.py" line="243"/>
        <source>服務對象</source>
        <extracomment>English in the code: Served</extracomment>
        <translation>Served</translation>
    </message>
    <message>
        <location filename="../../app/views/supervisor/kpi_cards.py" line="249"/>
        <source>無身心障礙證明</source>
        <comment>None</comment>
        <extracomment>English in the code: None</extracomment>
        <translation>None</translation>
    </message>
    <message>
        <location filename="../../app/views/supervisor/note_cases.py" line="35"/>
        <source>（不在本機的個案）</source>
        <extracomment>English in the code: (a case not on this laptop)</extracomment>
        <translation>(a case not on this laptop)</translation>
    </message>
    <message>
        <location filename="../../app/views/supervisor/note_cases.py" line="50"/>
        <source>搜尋個案</source>
        <comment>Find a case</comment>
        <extracomment>English in the code: Find a case</extracomment>
        <translation>Find a case</translation>
    </message>
    <message>
        <location filename="../../app/views/supervisor/note_cases.py" line="51"/>
        <source>輸入個案姓名或承辦人帳號搜尋</source>
        <extracomment>English in the code: Type a client&apos;s name to find</extracomment>
        <translation>Type a client&apos;s name to find</translation>
    </message>
    <message>
        <location filename="../../app/views/supervisor/note_cases.py" line="53"/>
        <source>輸入姓名後按 Enter 加入搜尋到的個案。</source>
        <extracomment>English in the code: Type a name, then press Enter to add the case found.</extracomment>
        <translation>Type a name, then press Enter to add the case found.</translation>
    </message>
    <message>
        <location filename="../../app/views/supervisor/note_cases.py" line="56"/>
        <source>搜尋到的個案</source>
        <extracomment>English in the code: Cases found</extracomment>
        <translation>Cases found</translation>
    </message>
    <message>
        <location filename="../../app/views/supervisor/note_cases.py" line="58"/>
        <source>加入</source>
        <extracomment>English in the code: Add</extracomment>
        <translation>Add</translation>
    </message>
    <message>
        <location filename="../../app/views/supervisor/note_cases.py" line="59"/>
        <source>加入討論的個案</source>
        <extracomment>English in the code: Add the case found</extracomment>
        <translation>Add the case found</translation>
    </message>
    <message>
        <location filename="../../app/views/supervisor/note_cases.py" line="62"/>
        <source>討論的個案</source>
        <extracomment>English in the code: Cases discussed</extracomment>
        <translation>Cases discussed</translation>
    </message>
    <message>
        <location filename="../../app/views/supervisor/note_cases.py" line="64"/>
        <source>第一個是主要個案（決定同步給誰）；按兩下開啟個案。</source>
        <extracomment>English in the code: The first is the primary case (it decides who receives the record); double-click opens a case.</extracomment>
        <translation>The first is the primary case (it decides who receives the record); double-click opens a case.</translation>
    </message>
    <message>
        <location filename="../../app/views/supervisor/note_cases.py" line="73"/>
        <source>移除</source>
        <extracomment>English in the code: Remove</extracomment>
        <translation>Remove</translation>
    </message>
    <message>
        <location filename="../../app/views/supervisor/note_cases.py" line="74"/>
        <source>移除選取的個案</source>
        <extracomment>English in the code: Remove the selected case</extracomment>
        <translation>Remove the selected case</translation>
    </message>
    <message>
        <location filename="../../app/views/supervisor/note_cases.py" line="76"/>
        <source>設為主要</source>
        <extracomment>English in the code: Make primary</extracomment>
        <translation>Make primary</translation>
    </message>
    <message>
        <location filename="../../app/views/supervisor/note_cases.py" line="77"/>
        <source>設為主要個案</source>
        <extracomment>English in the code: Make the selected case primary</extracomment>
        <translation>Make the selected case primary</translation>
    </message>
    <message>
        <location filename="../../app/views/supervisor/note_cases.py" line="79"/>
        <source>開啟個案</source>
        <comment>Open case</comment>
        <extracomment>English in the code: Open case</extracomment>
        <translation>Open case</translation>
    </message>
    <message>
        <location filename="../../app/views/supervisor/note_cases.py" line="180"/>
        <source>（主要）</source>
        <extracomment>English in the code:  (primary)</extracomment>
        <translation> (primary)</translation>
    </message>
    <message>
        <location filename="../../app/views/supervisor/note_editor.py" line="91"/>
        <source>已儲存，但下列欄位未儲存（紀錄中仍是原本的內容），請修正：</source>
        <extracomment>English in the code: Saved, but not the fields below (the record keeps what it held); please correct them:</extracomment>
        <translation>Saved, but not the fields below (the record keeps what it held); please correct them:</translation>
    </message>
    <message>
        <location filename="../../app/views/supervisor/note_editor.py" line="115"/>
        <source>督導紀錄</source>
        <comment>Supervision record</comment>
        <extracomment>English in the code: Supervision record</extracomment>
        <translation>Supervision record</translation>
    </message>
    <message>
        <location filename="../../app/views/supervisor/note_editor.py" line="121"/>
        <source>督導類別</source>
        <extracomment>English in the code: Kind</extracomment>
        <translation>Kind</translation>
    </message>
    <message>
        <location filename="../../app/views/supervisor/note_editor.py" line="124"/>
        <source>督導日期</source>
        <extracomment>English in the code: Date</extracomment>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../app/views/supervisor/note_editor.py" line="126"/>
        <source>出席的團隊成員</source>
        <extracomment>English in the code: Team members attending</extracomment>
        <translation>Team members attending</translation>
    </message>
    <message>
        <location filename="../../app/views/supervisor/note_editor.py" line="133"/>
        <source>其他出席者</source>
        <extracomment>English in the code: Other attendees</extracomment>
        <translation>Other attendees</translation>
    </message>
    <message>
        <location filename="../../app/views/supervisor/note_editor.py" line="134"/>
        <source>其他出席者，以頓號分隔</source>
        <extracomment>English in the code: Other attendees, separated by commas</extracomment>
        <translation>Other attendees, separated by commas</translation>
    </message>
    <message>
        <location filename="../../app/views/supervisor/note_editor.py" line="137"/>
        <location filename="../../app/views/supervisor/note_editor.py" line="175"/>
        <source>督導內容</source>
        <extracomment>English in the code: Content</extracomment>
        <translation>Content</translation>
    </message>
    <message>
        <location filename="../../app/views/supervisor/note_editor.py" line="138"/>
        <source>討論內容、觀察與建議</source>
        <extracomment>English in the code: What was discussed, observed, advised</extracomment>
        <translation>What was discussed, observed, advised</translation>
    </message>
    <message>
        <location filename="../../app/views/supervisor/note_editor.py" line="141"/>
        <source>決議與待辦事項</source>
        <extracomment>English in the code: Agreed actions</extracomment>
        <translation>Agreed actions</translation>
    </message>
    <message>
        <location filename="../../app/views/supervisor/note_editor.py" line="143"/>
        <source>決議事項、負責人與期限（每行一項）</source>
        <extracomment>English in the code: Agreed actions, who and by when (one a line)</extracomment>
        <translation>Agreed actions, who and by when (one a line)</translation>
    </message>
    <message>
        <location filename="../../app/views/supervisor/note_editor.py" line="146"/>
        <location filename="../../app/views/supervisor/note_editor.py" line="177"/>
        <location filename="../../app/views/workspace/referral_tab.py" line="91"/>
        <source>追蹤期限</source>
        <extracomment>English in the code: Follow-up due</extracomment>
        <translation>Follow-up due</translation>
    </message>
    <message>
        <location filename="../../app/views/supervisor/note_editor.py" line="161"/>
        <location filename="../../app/views/workspace/records_tab.py" line="92"/>
        <source>刪除草稿</source>
        <extracomment>English in the code: Discard draft</extracomment>
        <translation>Discard draft</translation>
    </message>
    <message>
        <location filename="../../app/views/supervisor/note_editor.py" line="162"/>
        <source>儲存草稿</source>
        <extracomment>English in the code: Save draft</extracomment>
        <translation>Save draft</translation>
    </message>
    <message>
        <location filename="../../app/views/supervisor/note_editor.py" line="164"/>
        <source>定稿…</source>
        <extracomment>English in the code: Finalise…</extracomment>
        <translation>Finalise…</translation>
    </message>
    <message>
        <location filename="../../app/views/supervisor/note_editor.py" line="168"/>
        <location filename="../../app/views/supervisor/note_list.py" line="79"/>
        <location filename="../../app/views/workspace/contact_attempts.py" line="45"/>
        <location filename="../../app/views/workspace/contact_attempts.py" line="60"/>
        <location filename="../../app/views/workspace/plan_editor.py" line="191"/>
        <location filename="../../app/views/workspace/records_tab.py" line="80"/>
        <location filename="../../app/views/workspace/records_tab.py" line="124"/>
        <location filename="../../app/views/workspace/timeline_tab.py" line="60"/>
        <source>日期</source>
        <comment>Date</comment>
        <extracomment>English in the code: Date</extracomment>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../app/views/supervisor/note_editor.py" line="171"/>
        <location filename="../../app/views/supervisor/note_list.py" line="80"/>
        <location filename="../../app/views/workspace/records_tab.py" line="122"/>
        <location filename="../../app/views/workspace/referral_tab.py" line="86"/>
        <location filename="../../app/views/workspace/referral_tab.py" line="139"/>
        <location filename="../../app/views/workspace/referral_tab.py" line="176"/>
        <source>類別</source>
        <extracomment>English in the code: Kind</extracomment>
        <translation>Kind</translation>
    </message>
    <message>
        <location filename="../../app/views/supervisor/note_editor.py" line="172"/>
        <location filename="../../app/views/supervisor/note_list.py" line="82"/>
        <source>出席者</source>
        <extracomment>English in the code: Attendees</extracomment>
        <translation>Attendees</translation>
    </message>
    <message>
        <location filename="../../app/views/supervisor/note_editor.py" line="176"/>
        <source>決議與待辦</source>
        <extracomment>English in the code: Agreed actions</extracomment>
        <translation>Agreed actions</translation>
    </message>
    <message>
        <location filename="../../app/views/supervisor/note_editor.py" line="375"/>
        <location filename="../../app/views/workspace/draft_tab.py" line="70"/>
        <source>定稿</source>
        <extracomment>English in the code: Finalise</extracomment>
        <translation>Finalise</translation>
    </message>
    <message>
        <location filename="../../app/views/supervisor/note_editor.py" line="376"/>
        <source>定稿後這筆督導紀錄不可再修改（追蹤結果除外）。確定定稿？</source>
        <extracomment>English in the code: A finalised record cannot be changed any more (but for its follow-up outcome). Finalise it?</extracomment>
        <translation>A finalised record cannot be changed any more (but for its follow-up outcome). Finalise it?</translation>
    </message>
    <message>
        <location filename="../../app/views/supervisor/note_follow_up.py" line="39"/>
        <location filename="../../app/views/supervisor/note_follow_up.py" line="69"/>
        <source>追蹤結果</source>
        <extracomment>English in the code: Follow-up outcome</extracomment>
        <translation>Follow-up outcome</translation>
    </message>
    <message>
        <location filename="../../app/views/supervisor/note_follow_up.py" line="40"/>
        <location filename="../../app/views/supervisor/note_follow_up.py" line="54"/>
        <source>完成日期</source>
        <extracomment>English in the code: Done on</extracomment>
        <translation>Done on</translation>
    </message>
    <message>
        <location filename="../../app/views/supervisor/note_follow_up.py" line="42"/>
        <source>追蹤說明</source>
        <extracomment>English in the code: Follow-up note</extracomment>
        <translation>Follow-up note</translation>
    </message>
    <message>
        <location filename="../../app/views/supervisor/note_follow_up.py" line="44"/>
        <source>決議事項的執行情形與結果</source>
        <extracomment>English in the code: What was done about the agreed actions, and what came of it</extracomment>
        <translation>What was done about the agreed actions, and what came of it</translation>
    </message>
    <message>
        <location filename="../../app/views/supervisor/note_follow_up.py" line="51"/>
        <source>儲存追蹤結果</source>
        <extracomment>English in the code: Save follow-up</extracomment>
        <translation>Save follow-up</translation>
    </message>
    <message>
        <location filename="../../app/views/supervisor/note_follow_up.py" line="52"/>
        <source>定稿後仍可記錄追蹤結果。</source>
        <extracomment>English in the code: The follow-up can be recorded after finalising too.</extracomment>
        <translation>The follow-up can be recorded after finalising too.</translation>
    </message>
    <message>
        <location filename="../../app/views/supervisor/note_follow_up.py" line="71"/>
        <source>追蹤結果（草稿儲存後可記錄）</source>
        <extracomment>English in the code: Follow-up outcome (once the draft is saved)</extracomment>
        <translation>Follow-up outcome (once the draft is saved)</translation>
    </message>
    <message>
        <location filename="../../app/views/supervisor/note_list.py" line="81"/>
        <source>個案</source>
        <comment>Case</comment>
        <extracomment>English in the code: Case</extracomment>
        <translation>Case</translation>
    </message>
    <message>
        <location filename="../../app/views/supervisor/note_list.py" line="83"/>
        <location filename="../../app/views/workspace/plan_dialogs.py" line="162"/>
        <location filename="../../app/views/workspace/plan_dialogs.py" line="179"/>
        <location filename="../../app/views/workspace/plan_editor.py" line="60"/>
        <location filename="../../app/views/workspace/plan_versions.py" line="23"/>
        <source>狀態</source>
        <comment>Status</comment>
        <extracomment>English in the code: Status</extracomment>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../app/views/supervisor/note_list.py" line="84"/>
        <source>追蹤</source>
        <extracomment>English in the code: Follow-up</extracomment>
        <translation>Follow-up</translation>
    </message>
    <message>
        <location filename="../../app/views/supervisor/note_list.py" line="87"/>
        <source>督導紀錄清單</source>
        <extracomment>English in the code: Supervision records</extracomment>
        <translation>Supervision records</translation>
    </message>
    <message>
        <location filename="../../app/views/supervisor/note_list.py" line="105"/>
        <source>已定稿</source>
        <extracomment>English in the code: Final</extracomment>
        <translation>Final</translation>
    </message>
    <message>
        <location filename="../../app/views/supervisor/note_list.py" line="105"/>
        <source>草稿</source>
        <extracomment>English in the code: Draft</extracomment>
        <translation>Draft</translation>
    </message>
    <message>
        <location filename="../../app/views/supervisor/note_list.py" line="189"/>
        <source>督導類別篩選</source>
        <extracomment>English in the code: Kind filter</extracomment>
        <translation>Kind filter</translation>
    </message>
    <message>
        <location filename="../../app/views/supervisor/note_list.py" line="190"/>
        <source>全部類別</source>
        <extracomment>English in the code: Every kind</extracomment>
        <translation>Every kind</translation>
    </message>
    <message>
        <location filename="../../app/views/supervisor/note_list.py" line="194"/>
        <source>追蹤狀態篩選</source>
        <extracomment>English in the code: Follow-up filter</extracomment>
        <translation>Follow-up filter</translation>
    </message>
    <message>
        <location filename="../../app/views/supervisor/note_list.py" line="195"/>
        <source>全部追蹤狀態</source>
        <extracomment>English in the code: Any follow-up</extracomment>
        <translation>Any follow-up</translation>
    </message>
    <message>
        <location filename="../../app/views/supervisor/note_list.py" line="201"/>
        <source>逾期追蹤</source>
        <extracomment>English in the code: Overdue follow-ups</extracomment>
        <translation>Overdue follow-ups</translation>
    </message>
    <message>
        <location filename="../../app/views/supervisor/note_list.py" line="203"/>
        <source>新增督導紀錄</source>
        <extracomment>English in the code: New record</extracomment>
        <translation>New record</translation>
    </message>
    <message>
        <location filename="../../app/views/supervisor/notes.py" line="84"/>
        <source>預覽並列印選取的督導紀錄（Ctrl+P）</source>
        <extracomment>English in the code: Preview and print the selected records (Ctrl+P)</extracomment>
        <translation>Preview and print the selected records (Ctrl+P)</translation>
    </message>
    <message>
        <location filename="../../app/views/supervisor/notes.py" line="103"/>
        <source>選擇左側的紀錄，或按「新增督導紀錄」。</source>
        <extracomment>English in the code: Pick a record on the left, or make a new one.</extracomment>
        <translation>Pick a record on the left, or make a new one.</translation>
    </message>
    <message>
        <location filename="../../app/views/supervisor/notes.py" line="117"/>
        <source>督導紀錄</source>
        <comment>Supervision records</comment>
        <extracomment>English in the code: Supervision records</extracomment>
        <translation>Supervision records</translation>
    </message>
    <message>
        <location filename="../../app/views/supervisor/notes.py" line="193"/>
        <source>正在產生督導紀錄表…</source>
        <extracomment>English in the code: Making the supervision records…</extracomment>
        <translation>Making the supervision records…</translation>
    </message>
    <message>
        <location filename="../../app/views/supervisor/notes.py" line="248"/>
        <source>新的督導紀錄（草稿，輸入後自動儲存）</source>
        <extracomment>English in the code: New record (a draft, saved as you type)</extracomment>
        <translation>New record (a draft, saved as you type)</translation>
    </message>
    <message>
        <location filename="../../app/views/supervisor/notes.py" line="328"/>
        <source>上一筆督導紀錄未能儲存：</source>
        <extracomment>English in the code: The record you left could not be saved: </extracomment>
        <translation>The record you left could not be saved: </translation>
    </message>
    <message>
        <location filename="../../app/views/supervisor/overview.py" line="125"/>
        <source>按一下列出在案個案</source>
        <extracomment>English in the code: Click: open cases</extracomment>
        <translation>Click: open cases</translation>
    </message>
    <message>
        <location filename="../../app/views/supervisor/overview.py" line="128"/>
        <location filename="../../app/views/supervisor/overview.py" line="395"/>
        <source>在案</source>
        <extracomment>English in the code: Open</extracomment>
        <translation>Open</translation>
    </message>
    <message>
        <location filename="../../app/views/supervisor/overview.py" line="128"/>
        <source>尚未結案的個案（含申請中）</source>
        <extracomment>English in the code: Not closed</extracomment>
        <translation>Not closed</translation>
    </message>
    <message>
        <location filename="../../app/views/supervisor/overview.py" line="130"/>
        <source>本月新開案</source>
        <extracomment>English in the code: New</extracomment>
        <translation>New</translation>
    </message>
    <message>
        <location filename="../../app/views/supervisor/overview.py" line="130"/>
        <source>本月開案</source>
        <extracomment>English in the code: Opened this month</extracomment>
        <translation>Opened this month</translation>
    </message>
    <message>
        <location filename="../../app/views/supervisor/overview.py" line="134"/>
        <source>逾期個案</source>
        <extracomment>English in the code: Overdue</extracomment>
        <translation>Overdue</translation>
    </message>
    <message>
        <location filename="../../app/views/supervisor/overview.py" line="135"/>
        <source>有任一逾期事項的個案</source>
        <extracomment>English in the code: Cases with anything overdue</extracomment>
        <translation>Cases with anything overdue</translation>
    </message>
    <message>
        <location filename="../../app/views/supervisor/overview.py" line="145"/>
        <source>最久未聯繫</source>
        <extracomment>English in the code: Longest</extracomment>
        <translation>Longest</translation>
    </message>
    <message>
        <location filename="../../app/views/supervisor/overview.py" line="146"/>
        <source>在案個案距最近一次聯繫最久的天數</source>
        <extracomment>English in the code: Most days since a case was last contacted</extracomment>
        <translation>Most days since a case was last contacted</translation>
    </message>
    <message>
        <location filename="../../app/views/supervisor/overview.py" line="151"/>
        <source>未聯繫中位數</source>
        <extracomment>English in the code: Median</extracomment>
        <translation>Median</translation>
    </message>
    <message>
        <location filename="../../app/views/supervisor/overview.py" line="152"/>
        <source>在案個案距最近一次聯繫天數的中位數</source>
        <extracomment>English in the code: Median days since the last contact</extracomment>
        <translation>Median days since the last contact</translation>
    </message>
    <message>
        <location filename="../../app/views/supervisor/overview.py" line="158"/>
        <source>個案上未處理的同步衝突</source>
        <extracomment>English in the code: Open sync conflicts</extracomment>
        <translation>Open sync conflicts</translation>
    </message>
    <message>
        <location filename="../../app/views/supervisor/overview.py" line="163"/>
        <source>服務人數／目標</source>
        <extracomment>English in the code: Served / target</extracomment>
        <translation>Served / target</translation>
    </message>
    <message>
        <location filename="../../app/views/supervisor/overview.py" line="164"/>
        <source>今年職業重建服務人數（新開案＋前一年度未結案，最多計目標50%）對照縣市每位職管員目標（附件四）</source>
        <extracomment>English in the code: VR people served this year (new + carried over, capped at 50 % of the target) against the county&apos;s target per case manager</extracomment>
        <translation>VR people served this year (new + carried over, capped at 50 % of the target) against the county&apos;s target per case manager</translation>
    </message>
    <message>
        <location filename="../../app/views/supervisor/overview.py" line="212"/>
        <location filename="../../app/views/supervisor/overview.py" line="325"/>
        <source>同步衝突…</source>
        <extracomment>English in the code: Sync conflicts…</extracomment>
        <translation>Sync conflicts…</translation>
    </message>
    <message>
        <location filename="../../app/views/supervisor/overview.py" line="218"/>
        <location filename="../../app/views/supervisor/pages.py" line="72"/>
        <source>團隊總覽</source>
        <extracomment>English in the code: Team overview</extracomment>
        <translation>Team overview</translation>
    </message>
    <message>
        <location filename="../../app/views/supervisor/overview.py" line="220"/>
        <source>按一下或按 Enter 列出儲存格背後的個案。</source>
        <extracomment>English in the code: Click a cell or press Enter to list its cases.</extracomment>
        <translation>Click a cell or press Enter to list its cases.</translation>
    </message>
    <message>
        <location filename="../../app/views/supervisor/overview.py" line="230"/>
        <source>數字為個案數；紅色為有逾期或超過一個月未聯繫。按一下任一格，列出背後的個案，再按兩下開啟個案。</source>
        <extracomment>English in the code: Figures are cases; red marks anything overdue or no contact for over a month. Click a cell to list its cases, then double-click one to open it.</extracomment>
        <translation>Figures are cases; red marks anything overdue or no contact for over a month. Click a cell to list its cases, then double-click one to open it.</translation>
    </message>
    <message>
        <location filename="../../app/views/supervisor/overview.py" line="271"/>
        <source>無法載入團隊總覽。</source>
        <extracomment>English in the code: Could not load the overview.</extracomment>
        <translation>Could not load the overview.</translation>
    </message>
    <message>
        <location filename="../../app/views/supervisor/overview.py" line="340"/>
        <source>全團隊</source>
        <comment>the team</comment>
        <extracomment>English in the code: the team</extracomment>
        <translation>the team</translation>
    </message>
    <message>
        <location filename="../../app/views/supervisor/overview.py" line="343"/>
        <source>合計</source>
        <extracomment>English in the code: Team</extracomment>
        <translation>Team</translation>
    </message>
    <message>
        <location filename="../../app/views/supervisor/overview.py" line="396"/>
        <source>全團隊</source>
        <comment>Team</comment>
        <extracomment>English in the code: Team</extracomment>
        <translation>Team</translation>
    </message>
    <message>
        <location filename="../../app/views/supervisor/pages.py" line="73"/>
        <source>待審</source>
        <extracomment>English in the code: Sign-off</extracomment>
        <translation>Sign-off</translation>
    </message>
    <message>
        <location filename="../../app/views/supervisor/pages.py" line="75"/>
        <source>督導紀錄</source>
        <comment>Supervision</comment>
        <extracomment>English in the code: Supervision</extracomment>
        <translation>Supervision</translation>
    </message>
    <message>
        <location filename="../../app/views/supervisor/pages.py" line="76"/>
        <location filename="../../app/views/supervisor/reports.py" line="76"/>
        <source>報表</source>
        <comment>Reports</comment>
        <extracomment>English in the code: Reports</extracomment>
        <translation>Reports</translation>
    </message>
    <message>
        <location filename="../../app/views/supervisor/reports.py" line="82"/>
        <source>服務日期（起）</source>
        <extracomment>English in the code: From</extracomment>
        <translation>From</translation>
    </message>
    <message>
        <location filename="../../app/views/supervisor/reports.py" line="84"/>
        <source>服務日期（迄）</source>
        <extracomment>English in the code: To</extracomment>
        <translation>To</translation>
    </message>
    <message>
        <location filename="../../app/views/supervisor/reports.py" line="86"/>
        <source>產生日報</source>
        <extracomment>English in the code: Show</extracomment>
        <translation>Show</translation>
    </message>
    <message>
        <location filename="../../app/views/supervisor/reports.py" line="92"/>
        <source>列印／PDF…</source>
        <extracomment>English in the code: Print / PDF…</extracomment>
        <translation>Print / PDF…</translation>
    </message>
    <message>
        <location filename="../../app/views/supervisor/reports.py" line="94"/>
        <source>預覽日報，可列印或另存 PDF</source>
        <extracomment>English in the code: Preview the report to print it or save it as a PDF</extracomment>
        <translation>Preview the report to print it or save it as a PDF</translation>
    </message>
    <message>
        <location filename="../../app/views/supervisor/reports.py" line="104"/>
        <source>服務對象日報</source>
        <extracomment>English in the code: Daily report</extracomment>
        <translation>Daily report</translation>
    </message>
    <message>
        <location filename="../../app/views/supervisor/reports.py" line="109"/>
        <source>按兩下數字列出個案</source>
        <extracomment>English in the code: Double-click a figure to list its cases</extracomment>
        <translation>Double-click a figure to list its cases</translation>
    </message>
    <message>
        <location filename="../../app/views/supervisor/reports.py" line="112"/>
        <source>服務日期</source>
        <extracomment>English in the code: Served on</extracomment>
        <translation>Served on</translation>
    </message>
    <message>
        <location filename="../../app/views/supervisor/reports.py" line="114"/>
        <source>至</source>
        <extracomment>English in the code: to</extracomment>
        <translation>to</translation>
    </message>
    <message>
        <location filename="../../app/views/supervisor/reports.py" line="120"/>
        <source>服務對象日報（依特定對象身分）</source>
        <extracomment>English in the code: Clients served by target group</extracomment>
        <translation>Clients served by target group</translation>
    </message>
    <message>
        <location filename="../../app/views/supervisor/reports.py" line="123"/>
        <source>當日有定稿服務紀錄或聯繫成功的個案，依特定對象身分與承辦人計人數；一人有多種身分時各計一次。</source>
        <extracomment>English in the code: Clients with a finalised service record or a successful contact on the day, by target group and case manager; a person with several target groups counts in each.</extracomment>
        <translation>Clients with a finalised service record or a successful contact on the day, by target group and case manager; a person with several target groups counts in each.</translation>
    </message>
    <message>
        <location filename="../../app/views/supervisor/reports.py" line="137"/>
        <source>月報表（表6-1、表6-2）…</source>
        <extracomment>English in the code: Monthly report (forms 6-1, 6-2)…</extracomment>
        <translation>Monthly report (forms 6-1, 6-2)…</translation>
    </message>
    <message>
        <location filename="../../app/views/supervisor/reports.py" line="142"/>
        <source>每月10日前彙送前一個月的服務成果（003 二(二)9）：預覽、列印或匯出 Excel。</source>
        <extracomment>English in the code: Due by the 10th for the month before: preview, print or save as Excel.</extracomment>
        <translation>Due by the 10th for the month before: preview, print or save as Excel.</translation>
    </message>
    <message>
        <location filename="../../app/views/supervisor/reports.py" line="250"/>
        <source>正在產生日報…</source>
        <extracomment>English in the code: Making the report…</extracomment>
        <translation>Making the report…</translation>
    </message>
    <message>
        <location filename="../../app/views/supervisor/review_queue.py" line="49"/>
        <source>結案</source>
        <comment>Closure</comment>
        <extracomment>English in the code: Closure</extracomment>
        <translation>Closure</translation>
    </message>
    <message>
        <location filename="../../app/views/supervisor/review_queue.py" line="52"/>
        <source>服務計畫</source>
        <extracomment>English in the code: Plan</extracomment>
        <translation>Plan</translation>
    </message>
    <message>
        <location filename="../../app/views/supervisor/review_queue.py" line="65"/>
        <location filename="../../app/views/supervisor/review_queue.py" line="135"/>
        <source>個案管理員</source>
        <extracomment>English in the code: Case manager</extracomment>
        <translation>Case manager</translation>
    </message>
    <message>
        <location filename="../../app/views/supervisor/review_queue.py" line="66"/>
        <location filename="../../app/views/supervisor/review_queue.py" line="137"/>
        <source>送審項目</source>
        <extracomment>English in the code: Submitted</extracomment>
        <translation>Submitted</translation>
    </message>
    <message>
        <location filename="../../app/views/supervisor/review_queue.py" line="67"/>
        <location filename="../../app/views/supervisor/review_queue.py" line="138"/>
        <source>送審時間</source>
        <extracomment>English in the code: Submitted on</extracomment>
        <translation>Submitted on</translation>
    </message>
    <message>
        <location filename="../../app/views/supervisor/review_queue.py" line="70"/>
        <location filename="../../app/views/workspace/review_state.py" line="27"/>
        <source>送審說明</source>
        <comment>Note</comment>
        <extracomment>English in the code: Note</extracomment>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../app/views/supervisor/review_queue.py" line="75"/>
        <location filename="../../app/views/workspace/plan_editor.py" line="169"/>
        <location filename="../../app/views/workspace/plan_versions.py" line="24"/>
        <source>計畫期間</source>
        <extracomment>English in the code: Period</extracomment>
        <translation>Period</translation>
    </message>
    <message>
        <location filename="../../app/views/supervisor/review_queue.py" line="76"/>
        <location filename="../../app/views/workspace/plan_editor.py" line="151"/>
        <location filename="../../app/views/workspace/plan_editor.py" line="170"/>
        <source>職業重建目標</source>
        <extracomment>English in the code: Vocational goal</extracomment>
        <translation>Vocational goal</translation>
    </message>
    <message>
        <location filename="../../app/views/supervisor/review_queue.py" line="78"/>
        <location filename="../../app/views/workspace/plan_versions.py" line="25"/>
        <source>知後同意</source>
        <extracomment>English in the code: Consent</extracomment>
        <translation>Consent</translation>
    </message>
    <message>
        <location filename="../../app/views/supervisor/review_queue.py" line="79"/>
        <location filename="../../app/views/workspace/plan_versions.py" line="38"/>
        <source>未同意</source>
        <extracomment>English in the code: not yet</extracomment>
        <translation>not yet</translation>
    </message>
    <message>
        <location filename="../../app/views/supervisor/review_queue.py" line="83"/>
        <location filename="../../app/views/workspace/plan_versions.py" line="26"/>
        <source>修訂原因</source>
        <comment>Revision reason</comment>
        <extracomment>English in the code: Revision reason</extracomment>
        <translation>Revision reason</translation>
    </message>
    <message>
        <location filename="../../app/views/supervisor/review_queue.py" line="90"/>
        <location filename="../../app/views/workspace/plan_editor.py" line="49"/>
        <source>目標</source>
        <comment>Goal</comment>
        <extracomment>English in the code: Goal</extracomment>
        <translation>Goal</translation>
    </message>
    <message>
        <location filename="../../app/views/supervisor/review_queue.py" line="93"/>
        <source>小時</source>
        <extracomment>English in the code: h</extracomment>
        <translation>h</translation>
    </message>
    <message>
        <location filename="../../app/views/supervisor/review_queue.py" line="95"/>
        <source>服務</source>
        <extracomment>English in the code: Service</extracomment>
        <translation>Service</translation>
    </message>
    <message>
        <location filename="../../app/views/supervisor/review_queue.py" line="100"/>
        <location filename="../../app/views/workspace/closure_steps.py" line="81"/>
        <location filename="../../app/views/workspace/closure_steps.py" line="89"/>
        <location filename="../../app/views/workspace/closure_steps.py" line="196"/>
        <source>結案日</source>
        <comment>Closing date</comment>
        <extracomment>English in the code: Closing date</extracomment>
        <translation>Closing date</translation>
    </message>
    <message>
        <location filename="../../app/views/supervisor/review_queue.py" line="101"/>
        <location filename="../../app/views/workspace/closure_record.py" line="24"/>
        <location filename="../../app/views/workspace/closure_steps.py" line="195"/>
        <source>結案原因</source>
        <comment>Reason</comment>
        <extracomment>English in the code: Reason</extracomment>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../app/views/supervisor/review_queue.py" line="102"/>
        <location filename="../../app/views/workspace/closure_record.py" line="25"/>
        <location filename="../../app/views/workspace/closure_steps.py" line="197"/>
        <source>結案摘要</source>
        <comment>Summary</comment>
        <extracomment>English in the code: Summary</extracomment>
        <translation>Summary</translation>
    </message>
    <message>
        <location filename="../../app/views/supervisor/review_queue.py" line="105"/>
        <source>個案滿意度</source>
        <extracomment>English in the code: Client</extracomment>
        <translation>Client</translation>
    </message>
    <message>
        <location filename="../../app/views/supervisor/review_queue.py" line="106"/>
        <source>雇主滿意度</source>
        <extracomment>English in the code: Employer</extracomment>
        <translation>Employer</translation>
    </message>
    <message>
        <location filename="../../app/views/supervisor/review_queue.py" line="107"/>
        <source>受案單位滿意度</source>
        <extracomment>English in the code: Unit</extracomment>
        <translation>Unit</translation>
    </message>
    <message>
        <location filename="../../app/views/supervisor/review_queue.py" line="117"/>
        <source>先前的送審</source>
        <extracomment>English in the code: Earlier rounds</extracomment>
        <translation>Earlier rounds</translation>
    </message>
    <message>
        <location filename="../../app/views/supervisor/review_queue.py" line="139"/>
        <location filename="../../app/views/workspace/contact_attempts.py" line="64"/>
        <source>說明</source>
        <comment>Note</comment>
        <extracomment>English in the code: Note</extracomment>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../app/views/supervisor/review_queue.py" line="141"/>
        <source>待審清單</source>
        <extracomment>English in the code: Submissions waiting for sign-off</extracomment>
        <translation>Submissions waiting for sign-off</translation>
    </message>
    <message>
        <location filename="../../app/views/supervisor/review_queue.py" line="146"/>
        <source>目前沒有待審的計畫或結案。</source>
        <extracomment>English in the code: Nothing is waiting for your sign-off.</extracomment>
        <translation>Nothing is waiting for your sign-off.</translation>
    </message>
    <message>
        <location filename="../../app/views/supervisor/review_queue.py" line="149"/>
        <source>送審內容</source>
        <extracomment>English in the code: What was submitted</extracomment>
        <translation>What was submitted</translation>
    </message>
    <message>
        <location filename="../../app/views/supervisor/review_queue.py" line="152"/>
        <location filename="../../app/views/workspace/review_state.py" line="29"/>
        <source>督導意見</source>
        <extracomment>English in the code: Comment</extracomment>
        <translation>Comment</translation>
    </message>
    <message>
        <location filename="../../app/views/supervisor/review_queue.py" line="154"/>
        <source>意見（退回時必填：請寫下需要修改之處）</source>
        <extracomment>English in the code: Comment (required to return: say what to change)</extracomment>
        <translation>Comment (required to return: say what to change)</translation>
    </message>
    <message>
        <location filename="../../app/views/supervisor/review_queue.py" line="157"/>
        <source>核准</source>
        <extracomment>English in the code: Approve</extracomment>
        <translation>Approve</translation>
    </message>
    <message>
        <location filename="../../app/views/supervisor/review_queue.py" line="158"/>
        <source>退回</source>
        <extracomment>English in the code: Return</extracomment>
        <translation>Return</translation>
    </message>
    <message>
        <location filename="../../app/views/supervisor/review_queue.py" line="159"/>
        <source>開啟個案</source>
        <comment>Open the case</comment>
        <extracomment>English in the code: Open the case</extracomment>
        <translation>Open the case</translation>
    </message>
    <message>
        <location filename="../../app/views/supervisor/review_queue.py" line="272"/>
        <source>退回時請寫下需要修改之處。</source>
        <extracomment>English in the code: Say what needs changing when returning it.</extracomment>
        <translation>Say what needs changing when returning it.</translation>
    </message>
    <message>
        <location filename="../../app/views/supervisor/review_queue.py" line="280"/>
        <source>已核准；同步後個案管理員即可看到。</source>
        <extracomment>English in the code: Approved; the case manager sees it after the next sync.</extracomment>
        <translation>Approved; the case manager sees it after the next sync.</translation>
    </message>
    <message>
        <location filename="../../app/views/supervisor/review_queue.py" line="284"/>
        <source>已退回；同步後個案管理員即可看到意見。</source>
        <extracomment>English in the code: Returned; the case manager sees it after the sync.</extracomment>
        <translation>Returned; the case manager sees it after the sync.</translation>
    </message>
    <message>
        <location filename="../../app/views/sync_panel.py" line="133"/>
        <source>同步狀態</source>
        <extracomment>English in the code: Sync status</extracomment>
        <translation>Sync status</translation>
    </message>
    <message>
        <location filename="../../app/views/sync_panel.py" line="136"/>
        <location filename="../../app/views/sync_panel.py" line="138"/>
        <location filename="../../app/views/sync_panel.py" line="167"/>
        <location filename="../../app/views/sync_panel.py" line="205"/>
        <source>立即同步</source>
        <extracomment>English in the code: Sync now</extracomment>
        <translation>Sync now</translation>
    </message>
    <message>
        <location filename="../../app/views/sync_panel.py" line="137"/>
        <source>與中央伺服器同步（F5）</source>
        <extracomment>English in the code: Sync with the central service (F5)</extracomment>
        <translation>Sync with the central service (F5)</translation>
    </message>
    <message>
        <location filename="../../app/views/sync_panel.py" line="167"/>
        <source>登入…</source>
        <extracomment>English in the code: Log in…</extracomment>
        <translation>Log in…</translation>
    </message>
    <message>
        <location filename="../../app/views/sync_panel.py" line="177"/>
        <source>未登入同步伺服器，資料只存在這台電腦</source>
        <extracomment>English in the code: Not logged in: data stays on this laptop only</extracomment>
        <translation>Not logged in: data stays on this laptop only</translation>
    </message>
    <message>
        <location filename="../../app/views/sync_panel.py" line="180"/>
        <source>同步中…</source>
        <extracomment>English in the code: Syncing…</extracomment>
        <translation>Syncing…</translation>
    </message>
    <message>
        <location filename="../../app/views/sync_panel.py" line="182"/>
        <source>已連線</source>
        <extracomment>English in the code: Online</extracomment>
        <translation>Online</translation>
    </message>
    <message>
        <location filename="../../app/views/sync_panel.py" line="184"/>
        <source>離線</source>
        <extracomment>English in the code: Offline</extracomment>
        <translation>Offline</translation>
    </message>
    <message>
        <location filename="../../app/views/sync_panel.py" line="187"/>
        <source>上次同步</source>
        <extracomment>English in the code: Last sync</extracomment>
        <translation>Last sync</translation>
    </message>
    <message>
        <location filename="../../app/views/sync_panel.py" line="189"/>
        <source>尚未同步</source>
        <extracomment>English in the code: Never synced</extracomment>
        <translation>Never synced</translation>
    </message>
    <message>
        <location filename="../../app/views/sync_panel.py" line="190"/>
        <source>待上傳</source>
        <extracomment>English in the code: To send</extracomment>
        <translation>To send</translation>
    </message>
    <message>
        <location filename="../../app/views/sync_panel.py" line="192"/>
        <source>衝突</source>
        <extracomment>English in the code: Conflicts</extracomment>
        <translation>Conflicts</translation>
    </message>
    <message>
        <location filename="../../app/views/sync_panel.py" line="194"/>
        <source>被退回</source>
        <extracomment>English in the code: Refused</extracomment>
        <translation>Refused</translation>
    </message>
    <message>
        <location filename="../../app/views/sync_panel.py" line="215"/>
        <source>為保護個案資料，這台電腦上的資料庫已刪除。請洽系統管理員重新設定。</source>
        <extracomment>English in the code: To protect the clients&apos; data, the store on this laptop has been erased. Ask your administrator to set it up again.</extracomment>
        <translation>To protect the clients&apos; data, the store on this laptop has been erased. Ask your administrator to set it up again.</translation>
    </message>
    <message>
        <location filename="../../app/views/unit_dialog.py" line="35"/>
        <location filename="../../app/views/unit_dialog.py" line="125"/>
        <source>電子郵件</source>
        <extracomment>English in the code: E-mail</extracomment>
        <translation>E-mail</translation>
    </message>
    <message>
        <location filename="../../app/views/unit_dialog.py" line="57"/>
        <source>編輯服務單位</source>
        <extracomment>English in the code: Edit service unit</extracomment>
        <translation>Edit service unit</translation>
    </message>
    <message>
        <location filename="../../app/views/unit_dialog.py" line="57"/>
        <source>新增服務單位</source>
        <extracomment>English in the code: Add service unit</extracomment>
        <translation>Add service unit</translation>
    </message>
    <message>
        <location filename="../../app/views/unit_dialog.py" line="59"/>
        <source>單位名稱</source>
        <extracomment>English in the code: Name</extracomment>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../app/views/unit_dialog.py" line="64"/>
        <location filename="../../app/views/workspace/plan_editor.py" line="74"/>
        <source>服務項目</source>
        <comment>Services</comment>
        <extracomment>English in the code: Services</extracomment>
        <translation>Services</translation>
    </message>
    <message>
        <location filename="../../app/views/unit_dialog.py" line="76"/>
        <location filename="../../app/views/unit_dialog.py" line="126"/>
        <source>地址</source>
        <extracomment>English in the code: Address</extracomment>
        <translation>Address</translation>
    </message>
    <message>
        <location filename="../../app/views/unit_dialog.py" line="79"/>
        <location filename="../../app/views/unit_dialog.py" line="123"/>
        <location filename="../../app/views/workspace/profile_tab.py" line="183"/>
        <source>聯絡人</source>
        <extracomment>English in the code: Contact person</extracomment>
        <translation>Contact person</translation>
    </message>
    <message>
        <location filename="../../app/views/unit_dialog.py" line="81"/>
        <location filename="../../app/views/unit_dialog.py" line="124"/>
        <source>電話</source>
        <extracomment>English in the code: Phone</extracomment>
        <translation>Phone</translation>
    </message>
    <message>
        <location filename="../../app/views/unit_dialog.py" line="85"/>
        <location filename="../../app/views/unit_dialog.py" line="110"/>
        <source>可服務量</source>
        <extracomment>English in the code: Capacity</extracomment>
        <translation>Capacity</translation>
    </message>
    <message>
        <location filename="../../app/views/unit_dialog.py" line="88"/>
        <source>目前個案數</source>
        <comment>Current caseload</comment>
        <extracomment>English in the code: Current caseload</extracomment>
        <translation>Current caseload</translation>
    </message>
    <message>
        <location filename="../../app/views/unit_dialog.py" line="91"/>
        <location filename="../../app/views/unit_dialog.py" line="127"/>
        <location filename="../../app/views/unit_table.py" line="181"/>
        <location filename="../../app/views/unit_table.py" line="186"/>
        <source>備註</source>
        <extracomment>English in the code: Notes</extracomment>
        <translation>Notes</translation>
    </message>
    <message>
        <location filename="../../app/views/unit_dialog.py" line="113"/>
        <source>目前個案數</source>
        <comment>Caseload</comment>
        <extracomment>English in the code: Caseload</extracomment>
        <translation>Caseload</translation>
    </message>
    <message>
        <location filename="../../app/views/unit_dialog.py" line="119"/>
        <source>單位名稱 *</source>
        <extracomment>English in the code: Name *</extracomment>
        <translation>Name *</translation>
    </message>
    <message>
        <location filename="../../app/views/unit_dialog.py" line="120"/>
        <source>縣市 *</source>
        <extracomment>English in the code: County *</extracomment>
        <translation>County *</translation>
    </message>
    <message>
        <location filename="../../app/views/unit_dialog.py" line="121"/>
        <source>服務項目 *</source>
        <extracomment>English in the code: Services *</extracomment>
        <translation>Services *</translation>
    </message>
    <message>
        <location filename="../../app/views/unit_dialog.py" line="122"/>
        <source>服務量</source>
        <extracomment>English in the code: Capacity</extracomment>
        <translation>Capacity</translation>
    </message>
    <message>
        <location filename="../../app/views/unit_dialog.py" line="131"/>
        <location filename="../../app/views/workspace/plan_tab.py" line="72"/>
        <source>儲存</source>
        <extracomment>English in the code: Save</extracomment>
        <translation>Save</translation>
    </message>
    <message>
        <location filename="../../app/views/unit_dialog.py" line="149"/>
        <source>尚可容納 0（已額滿）</source>
        <extracomment>English in the code: Remaining 0 (full)</extracomment>
        <translation>Remaining 0 (full)</translation>
    </message>
    <message>
        <location filename="../../app/views/unit_dialog.py" line="164"/>
        <source>請選擇縣市。</source>
        <extracomment>English in the code: Please choose the county.</extracomment>
        <translation>Please choose the county.</translation>
    </message>
    <message>
        <location filename="../../app/views/unit_dialog.py" line="168"/>
        <source>請至少勾選一項服務。</source>
        <extracomment>English in the code: Tick at least one service.</extracomment>
        <translation>Tick at least one service.</translation>
    </message>
    <message>
        <location filename="../../app/views/unit_table.py" line="114"/>
        <source>已額滿，請先洽詢</source>
        <extracomment>English in the code: Full: call first</extracomment>
        <translation>Full: call first</translation>
    </message>
    <message>
        <location filename="../../app/views/unit_table.py" line="114"/>
        <source>0 已額滿</source>
        <extracomment>English in the code: 0 full</extracomment>
        <translation>0 full</translation>
    </message>
    <message>
        <location filename="../../app/views/unit_table.py" line="166"/>
        <source>編輯此單位…</source>
        <extracomment>English in the code: Edit this unit…</extracomment>
        <translation>Edit this unit…</translation>
    </message>
    <message>
        <location filename="../../app/views/unit_table.py" line="169"/>
        <source>在上方清單選擇一個單位，這裡會顯示聯絡方式、地址與備註。</source>
        <extracomment>English in the code: Pick a unit to see its details.</extracomment>
        <translation>Pick a unit to see its details.</translation>
    </message>
    <message>
        <location filename="../../app/views/unit_table.py" line="209"/>
        <source>尚可容納 0，已額滿</source>
        <extracomment>English in the code: remaining 0: full</extracomment>
        <translation>remaining 0: full</translation>
    </message>
    <message>
        <location filename="../../app/views/unit_table.py" line="211"/>
        <source>尚可容納</source>
        <extracomment>English in the code: remaining</extracomment>
        <translation>remaining</translation>
    </message>
    <message>
        <location filename="../../app/views/workspace/assessment_tab.py" line="54"/>
        <source>需求評估清單</source>
        <extracomment>English in the code: Assessments</extracomment>
        <translation>Assessments</translation>
    </message>
    <message>
        <location filename="../../app/views/workspace/assessment_tab.py" line="56"/>
        <source>新增評估</source>
        <extracomment>English in the code: New assessment</extracomment>
        <translation>New assessment</translation>
    </message>
    <message>
        <location filename="../../app/views/workspace/assessment_tab.py" line="60"/>
        <location filename="../../app/views/workspace/assessment_tab.py" line="87"/>
        <source>評估日期</source>
        <extracomment>English in the code: Date</extracomment>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../app/views/workspace/assessment_tab.py" line="68"/>
        <source>需轉介職業輔導評量</source>
        <extracomment>English in the code: Refer to vocational evaluation</extracomment>
        <translation>Refer to vocational evaluation</translation>
    </message>
    <message>
        <location filename="../../app/views/workspace/assessment_tab.py" line="88"/>
        <source>評估方式</source>
        <extracomment>English in the code: Methods</extracomment>
        <translation>Methods</translation>
    </message>
    <message>
        <location filename="../../app/views/workspace/assessment_tab.py" line="89"/>
        <source>工作能力</source>
        <extracomment>English in the code: Work ability</extracomment>
        <translation>Work ability</translation>
    </message>
    <message>
        <location filename="../../app/views/workspace/assessment_tab.py" line="90"/>
        <source>職業興趣</source>
        <extracomment>English in the code: Vocational interest</extracomment>
        <translation>Vocational interest</translation>
    </message>
    <message>
        <location filename="../../app/views/workspace/assessment_tab.py" line="91"/>
        <source>支持需求</source>
        <extracomment>English in the code: Support needs</extracomment>
        <translation>Support needs</translation>
    </message>
    <message>
        <location filename="../../app/views/workspace/assessment_tab.py" line="92"/>
        <source>家庭支持</source>
        <extracomment>English in the code: Family support</extracomment>
        <translation>Family support</translation>
    </message>
    <message>
        <location filename="../../app/views/workspace/assessment_tab.py" line="93"/>
        <source>職業輔導評量</source>
        <extracomment>English in the code: Vocational evaluation</extracomment>
        <translation>Vocational evaluation</translation>
    </message>
    <message>
        <location filename="../../app/views/workspace/assessment_tab.py" line="94"/>
        <source>建議服務</source>
        <extracomment>English in the code: Recommended services</extracomment>
        <translation>Recommended services</translation>
    </message>
    <message>
        <location filename="../../app/views/workspace/assessment_tab.py" line="95"/>
        <source>評估摘要</source>
        <extracomment>English in the code: Summary</extracomment>
        <translation>Summary</translation>
    </message>
    <message>
        <location filename="../../app/views/workspace/assessment_tab.py" line="113"/>
        <source>&lt;b&gt;需求評估&lt;/b&gt;</source>
        <extracomment>English in the code: &lt;b&gt;Assessments&lt;/b&gt;</extracomment>
        <translation>&lt;b&gt;Assessments&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../../app/views/workspace/assessment_tab.py" line="165"/>
        <source>新評估：開始輸入後會自動存成草稿。</source>
        <extracomment>English in the code: New assessment: it is saved as a draft as you type.</extracomment>
        <translation>New assessment: it is saved as a draft as you type.</translation>
    </message>
    <message>
        <location filename="../../app/views/workspace/assessment_tab.py" line="169"/>
        <source>已定稿，不可修改；情況改變時請新增一份評估（定期評估）。</source>
        <extracomment>English in the code: Finalised; it cannot be changed. When things change, add a new assessment.</extracomment>
        <translation>Finalised; it cannot be changed. When things change, add a new assessment.</translation>
    </message>
    <message>
        <location filename="../../app/views/workspace/attachments_tab.py" line="65"/>
        <source>檔名</source>
        <extracomment>English in the code: File</extracomment>
        <translation>File</translation>
    </message>
    <message>
        <location filename="../../app/views/workspace/attachments_tab.py" line="66"/>
        <source>類型</source>
        <comment>Type</comment>
        <extracomment>English in the code: Type</extracomment>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../app/views/workspace/attachments_tab.py" line="67"/>
        <source>大小</source>
        <extracomment>English in the code: Size</extracomment>
        <translation>Size</translation>
    </message>
    <message>
        <location filename="../../app/views/workspace/attachments_tab.py" line="68"/>
        <source>加入日期</source>
        <extracomment>English in the code: Added</extracomment>
        <translation>Added</translation>
    </message>
    <message>
        <location filename="../../app/views/workspace/attachments_tab.py" line="69"/>
        <source>說明</source>
        <comment>Description</comment>
        <extracomment>English in the code: Description</extracomment>
        <translation>Description</translation>
    </message>
    <message>
        <location filename="../../app/views/workspace/attachments_tab.py" line="71"/>
        <source>附件</source>
        <extracomment>English in the code: Attachments</extracomment>
        <translation>Attachments</translation>
    </message>
    <message>
        <location filename="../../app/views/workspace/attachments_tab.py" line="76"/>
        <source>尚無附件。可加入身心障礙證明、同意書、計畫書簽名頁等掃描檔；檔案加密存放於本機資料庫。</source>
        <extracomment>English in the code: No attachments yet. Add scans of the certificate, consent forms or signed plans; they are kept encrypted in the local store.</extracomment>
        <translation>No attachments yet. Add scans of the certificate, consent forms or signed plans; they are kept encrypted in the local store.</translation>
    </message>
    <message>
        <location filename="../../app/views/workspace/attachments_tab.py" line="84"/>
        <source>附件說明</source>
        <extracomment>English in the code: Description</extracomment>
        <translation>Description</translation>
    </message>
    <message>
        <location filename="../../app/views/workspace/attachments_tab.py" line="85"/>
        <source>加入時的說明（選填），例：身心障礙證明正反面</source>
        <extracomment>English in the code: Description</extracomment>
        <translation>Description</translation>
    </message>
    <message>
        <location filename="../../app/views/workspace/attachments_tab.py" line="86"/>
        <source>加入檔案…</source>
        <extracomment>English in the code: Add file…</extracomment>
        <translation>Add file…</translation>
    </message>
    <message>
        <location filename="../../app/views/workspace/attachments_tab.py" line="87"/>
        <source>開啟</source>
        <extracomment>English in the code: Open</extracomment>
        <translation>Open</translation>
    </message>
    <message>
        <location filename="../../app/views/workspace/attachments_tab.py" line="88"/>
        <source>另存副本…</source>
        <comment>Save a copy…</comment>
        <extracomment>English in the code: Save a copy…</extracomment>
        <translation>Save a copy…</translation>
    </message>
    <message>
        <location filename="../../app/views/workspace/attachments_tab.py" line="148"/>
        <source>加入附件</source>
        <extracomment>English in the code: Add an attachment</extracomment>
        <translation>Add an attachment</translation>
    </message>
    <message>
        <location filename="../../app/views/workspace/attachments_tab.py" line="169"/>
        <source>加入附件…</source>
        <extracomment>English in the code: Adding the file…</extracomment>
        <translation>Adding the file…</translation>
    </message>
    <message>
        <location filename="../../app/views/workspace/attachments_tab.py" line="178"/>
        <source>另存副本</source>
        <extracomment>English in the code: Save a copy</extracomment>
        <translation>Save a copy</translation>
    </message>
    <message>
        <location filename="../../app/views/workspace/attachments_tab.py" line="193"/>
        <source>另存副本…</source>
        <comment>Saving the copy…</comment>
        <extracomment>English in the code: Saving the copy…</extracomment>
        <translation>Saving the copy…</translation>
    </message>
    <message>
        <location filename="../../app/views/workspace/certificates.py" line="37"/>
        <source>身心障礙證明</source>
        <extracomment>English in the code: Disability certificate</extracomment>
        <translation>Disability certificate</translation>
    </message>
    <message>
        <location filename="../../app/views/workspace/certificates.py" line="47"/>
        <location filename="../../app/views/workspace/certificates.py" line="67"/>
        <source>核發日期</source>
        <extracomment>English in the code: Issued on</extracomment>
        <translation>Issued on</translation>
    </message>
    <message>
        <location filename="../../app/views/workspace/certificates.py" line="48"/>
        <location filename="../../app/views/workspace/certificates.py" line="68"/>
        <source>有效期限</source>
        <extracomment>English in the code: Valid until</extracomment>
        <translation>Valid until</translation>
    </message>
    <message>
        <location filename="../../app/views/workspace/certificates.py" line="49"/>
        <source>無註記效期</source>
        <extracomment>English in the code: No expiry</extracomment>
        <translation>No expiry</translation>
    </message>
    <message>
        <location filename="../../app/views/workspace/certificates.py" line="50"/>
        <location filename="../../app/views/workspace/certificates.py" line="69"/>
        <source>重新鑑定日期</source>
        <extracomment>English in the code: Re-assessment</extracomment>
        <translation>Re-assessment</translation>
    </message>
    <message>
        <location filename="../../app/views/workspace/certificates.py" line="51"/>
        <source>移除這張證明</source>
        <extracomment>English in the code: Remove this certificate</extracomment>
        <translation>Remove this certificate</translation>
    </message>
    <message>
        <location filename="../../app/views/workspace/certificates.py" line="64"/>
        <source>證明種類</source>
        <extracomment>English in the code: Kind</extracomment>
        <translation>Kind</translation>
    </message>
    <message>
        <location filename="../../app/views/workspace/certificates.py" line="65"/>
        <source>障礙類別</source>
        <extracomment>English in the code: Categories</extracomment>
        <translation>Categories</translation>
    </message>
    <message>
        <location filename="../../app/views/workspace/certificates.py" line="66"/>
        <source>障礙程度</source>
        <extracomment>English in the code: Severity</extracomment>
        <translation>Severity</translation>
    </message>
    <message>
        <location filename="../../app/views/workspace/certificates.py" line="130"/>
        <source>新增身心障礙證明</source>
        <extracomment>English in the code: Add a disability certificate</extracomment>
        <translation>Add a disability certificate</translation>
    </message>
    <message>
        <location filename="../../app/views/workspace/closure_record.py" line="23"/>
        <source>結案日</source>
        <comment>Closed on</comment>
        <extracomment>English in the code: Closed on</extracomment>
        <translation>Closed on</translation>
    </message>
    <message>
        <location filename="../../app/views/workspace/closure_record.py" line="44"/>
        <source>結案紀錄</source>
        <extracomment>English in the code: Closure</extracomment>
        <translation>Closure</translation>
    </message>
    <message>
        <location filename="../../app/views/workspace/closure_record.py" line="47"/>
        <source>儲存滿意度</source>
        <extracomment>English in the code: Save satisfaction</extracomment>
        <translation>Save satisfaction</translation>
    </message>
    <message>
        <location filename="../../app/views/workspace/closure_record.py" line="49"/>
        <source>結案後補記滿意度</source>
        <extracomment>English in the code: Satisfaction asked after closing</extracomment>
        <translation>Satisfaction asked after closing</translation>
    </message>
    <message>
        <location filename="../../app/views/workspace/closure_record.py" line="76"/>
        <source>送審中的結案</source>
        <extracomment>English in the code: Closure submitted for sign-off</extracomment>
        <translation>Closure submitted for sign-off</translation>
    </message>
    <message>
        <location filename="../../app/views/workspace/closure_record.py" line="88"/>
        <source>個案將於個案管理員的筆電同步時結案。</source>
        <extracomment>English in the code: The case closes when the case manager&apos;s laptop syncs.</extracomment>
        <translation>The case closes when the case manager&apos;s laptop syncs.</translation>
    </message>
    <message>
        <location filename="../../app/views/workspace/closure_steps.py" line="70"/>
        <source>結案原因</source>
        <comment>Closure reason</comment>
        <extracomment>English in the code: Closure reason</extracomment>
        <translation>Closure reason</translation>
    </message>
    <message>
        <location filename="../../app/views/workspace/closure_steps.py" line="86"/>
        <source>條件</source>
        <extracomment>English in the code: What it needs</extracomment>
        <translation>What it needs</translation>
    </message>
    <message>
        <location filename="../../app/views/workspace/closure_steps.py" line="114"/>
        <source>請先選擇結案原因。</source>
        <extracomment>English in the code: Pick a reason.</extracomment>
        <translation>Pick a reason.</translation>
    </message>
    <message>
        <location filename="../../app/views/workspace/closure_steps.py" line="120"/>
        <source>檢查中…</source>
        <extracomment>English in the code: Checking…</extracomment>
        <translation>Checking…</translation>
    </message>
    <message>
        <location filename="../../app/views/workspace/closure_steps.py" line="125"/>
        <source>可以此原因結案。</source>
        <extracomment>English in the code: The case can close for this reason.</extracomment>
        <translation>The case can close for this reason.</translation>
    </message>
    <message>
        <location filename="../../app/views/workspace/closure_steps.py" line="138"/>
        <source>結案摘要</source>
        <comment>Closing summary</comment>
        <extracomment>English in the code: Closing summary</extracomment>
        <translation>Closing summary</translation>
    </message>
    <message>
        <location filename="../../app/views/workspace/closure_steps.py" line="140"/>
        <source>服務歷程、目標達成情形、結案理由與後續建議（結案摘要表）</source>
        <extracomment>English in the code: Services given, goals met, why the case closes, and what next</extracomment>
        <translation>Services given, goals met, why the case closes, and what next</translation>
    </message>
    <message>
        <location filename="../../app/views/workspace/closure_steps.py" line="160"/>
        <source>沒有詢問或不適用者請選「未評」；結案後仍可補記。</source>
        <extracomment>English in the code: Choose “Not rated” when not asked; it can be added after closing.</extracomment>
        <translation>Choose “Not rated” when not asked; it can be added after closing.</translation>
    </message>
    <message>
        <location filename="../../app/views/workspace/closure_steps.py" line="201"/>
        <source>本單位結案須經督導核准：按「送審」後，督導核准時個案才結案（階段 G）。</source>
        <extracomment>English in the code: Closures in this team need the supervisor&apos;s approval: submit it; the case closes (stage G) once approved.</extracomment>
        <translation>Closures in this team need the supervisor&apos;s approval: submit it; the case closes (stage G) once approved.</translation>
    </message>
    <message>
        <location filename="../../app/views/workspace/closure_steps.py" line="209"/>
        <source>確認後個案即結案（階段 G），之後不能再新增計畫、派案或就業紀錄；或按「送審」先請督導審核。</source>
        <extracomment>English in the code: Once confirmed the case is closed (stage G); no more plans, referrals or jobs can be added. Or submit it for the supervisor&apos;s sign-off first.</extracomment>
        <translation>Once confirmed the case is closed (stage G); no more plans, referrals or jobs can be added. Or submit it for the supervisor&apos;s sign-off first.</translation>
    </message>
    <message>
        <location filename="../../app/views/workspace/closure_tab.py" line="66"/>
        <source>上一步</source>
        <extracomment>English in the code: Back</extracomment>
        <translation>Back</translation>
    </message>
    <message>
        <location filename="../../app/views/workspace/closure_tab.py" line="67"/>
        <source>下一步</source>
        <extracomment>English in the code: Next</extracomment>
        <translation>Next</translation>
    </message>
    <message>
        <location filename="../../app/views/workspace/closure_tab.py" line="68"/>
        <source>確認結案</source>
        <extracomment>English in the code: Close the case</extracomment>
        <translation>Close the case</translation>
    </message>
    <message>
        <location filename="../../app/views/workspace/closure_tab.py" line="69"/>
        <location filename="../../app/views/workspace/plan_tab.py" line="73"/>
        <source>送審</source>
        <extracomment>English in the code: Submit for sign-off</extracomment>
        <translation>Submit for sign-off</translation>
    </message>
    <message>
        <location filename="../../app/views/workspace/closure_tab.py" line="70"/>
        <source>將結案送督導審核</source>
        <extracomment>English in the code: Send the closure to the supervisor for sign-off</extracomment>
        <translation>Send the closure to the supervisor for sign-off</translation>
    </message>
    <message>
        <location filename="../../app/views/workspace/closure_tab.py" line="133"/>
        <source>個案尚未開案，不能結案。</source>
        <extracomment>English in the code: The case has not been opened yet.</extracomment>
        <translation>The case has not been opened yet.</translation>
    </message>
    <message>
        <location filename="../../app/views/workspace/closure_tab.py" line="139"/>
        <source>請依意見修改結案內容，在最後一步再按「送審」。</source>
        <extracomment>English in the code: Correct the closure as asked and submit it again from the last step.</extracomment>
        <translation>Correct the closure as asked and submit it again from the last step.</translation>
    </message>
    <message>
        <location filename="../../app/views/workspace/closure_tab.py" line="229"/>
        <source>請選擇結案原因。</source>
        <extracomment>English in the code: Choose a closure reason.</extracomment>
        <translation>Choose a closure reason.</translation>
    </message>
    <message>
        <location filename="../../app/views/workspace/closure_tab.py" line="232"/>
        <source>正在檢查結案條件，請稍候再按。</source>
        <extracomment>English in the code: Still checking; try again.</extracomment>
        <translation>Still checking; try again.</translation>
    </message>
    <message>
        <location filename="../../app/views/workspace/closure_tab.py" line="236"/>
        <source>尚不符合此結案原因的條件（見上方說明）：請先補齊紀錄，或改選其他結案原因。</source>
        <extracomment>English in the code: This reason cannot be used yet (see above): complete the record or choose another reason.</extracomment>
        <translation>This reason cannot be used yet (see above): complete the record or choose another reason.</translation>
    </message>
    <message>
        <location filename="../../app/views/workspace/closure_tab.py" line="243"/>
        <source>請填寫結案摘要。</source>
        <extracomment>English in the code: Write the closing summary.</extracomment>
        <translation>Write the closing summary.</translation>
    </message>
    <message>
        <location filename="../../app/views/workspace/closure_texts.py" line="68"/>
        <source>須有一份尚未離職、到結案日已持續滿 3 個月的就業紀錄（穩三）。</source>
        <extracomment>English in the code: Needs a job still held that has lasted 3 months by the closing date.</extracomment>
        <translation>Needs a job still held that has lasted 3 months by the closing date.</translation>
    </message>
    <message>
        <location filename="../../app/views/workspace/common.py" line="200"/>
        <source>確定</source>
        <comment>OK</comment>
        <extracomment>English in the code: OK</extracomment>
        <translation>OK</translation>
    </message>
    <message>
        <location filename="../../app/views/workspace/contact_attempts.py" line="42"/>
        <location filename="../../app/views/workspace/records_tab.py" line="98"/>
        <source>新增聯繫紀錄</source>
        <extracomment>English in the code: Log a contact attempt</extracomment>
        <translation>Log a contact attempt</translation>
    </message>
    <message>
        <location filename="../../app/views/workspace/contact_attempts.py" line="61"/>
        <source>時間</source>
        <comment>Time</comment>
        <extracomment>English in the code: Time</extracomment>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../../app/views/workspace/contact_attempts.py" line="62"/>
        <source>方式</source>
        <comment>Channel</comment>
        <extracomment>English in the code: Channel</extracomment>
        <translation>Channel</translation>
    </message>
    <message>
        <location filename="../../app/views/workspace/contact_attempts.py" line="63"/>
        <source>結果</source>
        <extracomment>English in the code: Outcome</extracomment>
        <translation>Outcome</translation>
    </message>
    <message>
        <location filename="../../app/views/workspace/contact_attempts.py" line="89"/>
        <source>聯繫時間不能晚於現在。</source>
        <extracomment>English in the code: The attempt cannot be later than now.</extracomment>
        <translation>The attempt cannot be later than now.</translation>
    </message>
    <message>
        <location filename="../../app/views/workspace/draft_tab.py" line="67"/>
        <location filename="../../app/views/workspace/profile_tab.py" line="124"/>
        <source>儲存狀態</source>
        <extracomment>English in the code: Save status</extracomment>
        <translation>Save status</translation>
    </message>
    <message>
        <location filename="../../app/views/workspace/draft_tab.py" line="194"/>
        <source>草稿：每隔幾秒自動儲存（Ctrl+S 立即儲存），完成後請按「定稿」。</source>
        <extracomment>English in the code: Draft: saved every few seconds (Ctrl+S saves now); finalise it when done.</extracomment>
        <translation>Draft: saved every few seconds (Ctrl+S saves now); finalise it when done.</translation>
    </message>
    <message>
        <location filename="../../app/views/workspace/draft_tab.py" line="234"/>
        <source>編輯中…</source>
        <extracomment>English in the code: Editing…</extracomment>
        <translation>Editing…</translation>
    </message>
    <message>
        <location filename="../../app/views/workspace/draft_tab.py" line="272"/>
        <source>未能自動儲存</source>
        <extracomment>English in the code: Not saved automatically</extracomment>
        <translation>Not saved automatically</translation>
    </message>
    <message>
        <location filename="../../app/views/workspace/draft_tab.py" line="331"/>
        <source>未完成，請看欄位下方的說明。</source>
        <extracomment>English in the code: Not done; see the messages below the fields.</extracomment>
        <translation>Not done; see the messages below the fields.</translation>
    </message>
    <message>
        <location filename="../../app/views/workspace/employment_status.py" line="81"/>
        <source>推介成功</source>
        <comment>Placed</comment>
        <extracomment>English in the code: Placed</extracomment>
        <translation>Placed</translation>
    </message>
    <message>
        <location filename="../../app/views/workspace/employment_status.py" line="83"/>
        <source>就業成功</source>
        <comment>Employed 3 months</comment>
        <extracomment>English in the code: Employed 3 months</extracomment>
        <translation>Employed 3 months</translation>
    </message>
    <message>
        <location filename="../../app/views/workspace/employment_status.py" line="85"/>
        <source>尚未成功</source>
        <extracomment>English in the code: Not yet counted</extracomment>
        <translation>Not yet counted</translation>
    </message>
    <message>
        <location filename="../../app/views/workspace/employment_status.py" line="97"/>
        <source>未達推介成功：需競爭性職場且有勞保加保日（5 人以下公司可用其他證明並填員工人數）。</source>
        <extracomment>English in the code: Not placed: needs a competitive job with labour insurance (or other proof for firms of ≤ 5).</extracomment>
        <translation>Not placed: needs a competitive job with labour insurance (or other proof for firms of ≤ 5).</translation>
    </message>
    <message>
        <location filename="../../app/views/workspace/employment_status.py" line="105"/>
        <source>已就業滿 3 個月，符合就業成功。</source>
        <extracomment>English in the code: Three months reached: counts as employed.</extracomment>
        <translation>Three months reached: counts as employed.</translation>
    </message>
    <message>
        <location filename="../../app/views/workspace/employment_tab.py" line="81"/>
        <location filename="../../app/views/workspace/employment_tab.py" line="100"/>
        <location filename="../../app/views/workspace/employment_tab.py" line="152"/>
        <location filename="../../app/views/workspace/referral_tab.py" line="146"/>
        <location filename="../../app/views/workspace/referral_tab.py" line="168"/>
        <source>雇主</source>
        <extracomment>English in the code: Employer</extracomment>
        <translation>Employer</translation>
    </message>
    <message>
        <location filename="../../app/views/workspace/employment_tab.py" line="82"/>
        <location filename="../../app/views/workspace/employment_tab.py" line="109"/>
        <location filename="../../app/views/workspace/employment_tab.py" line="153"/>
        <location filename="../../app/views/workspace/referral_tab.py" line="148"/>
        <location filename="../../app/views/workspace/referral_tab.py" line="169"/>
        <source>職務</source>
        <extracomment>English in the code: Job</extracomment>
        <translation>Job</translation>
    </message>
    <message>
        <location filename="../../app/views/workspace/employment_tab.py" line="83"/>
        <source>到職日</source>
        <comment>Started</comment>
        <extracomment>English in the code: Started</extracomment>
        <translation>Started</translation>
    </message>
    <message>
        <location filename="../../app/views/workspace/employment_tab.py" line="84"/>
        <location filename="../../app/views/workspace/employment_tab.py" line="153"/>
        <source>每週工時</source>
        <comment>Hours/week</comment>
        <extracomment>English in the code: Hours/week</extracomment>
        <translation>Hours/week</translation>
    </message>
    <message>
        <location filename="../../app/views/workspace/employment_tab.py" line="85"/>
        <location filename="../../app/views/workspace/employment_tab.py" line="122"/>
        <location filename="../../app/views/workspace/employment_tab.py" line="157"/>
        <source>薪資</source>
        <extracomment>English in the code: Wage</extracomment>
        <translation>Wage</translation>
    </message>
    <message>
        <location filename="../../app/views/workspace/employment_tab.py" line="86"/>
        <source>勞保／證明</source>
        <extracomment>English in the code: Insurance / proof</extracomment>
        <translation>Insurance / proof</translation>
    </message>
    <message>
        <location filename="../../app/views/workspace/employment_tab.py" line="87"/>
        <source>支持性就業</source>
        <extracomment>English in the code: Supported</extracomment>
        <translation>Supported</translation>
    </message>
    <message>
        <location filename="../../app/views/workspace/employment_tab.py" line="88"/>
        <source>離職</source>
        <comment>Ended</comment>
        <extracomment>English in the code: Ended</extracomment>
        <translation>Ended</translation>
    </message>
    <message>
        <location filename="../../app/views/workspace/employment_tab.py" line="89"/>
        <source>狀態（今日）</source>
        <extracomment>English in the code: Status (today)</extracomment>
        <translation>Status (today)</translation>
    </message>
    <message>
        <location filename="../../app/views/workspace/employment_tab.py" line="91"/>
        <source>就業紀錄</source>
        <extracomment>English in the code: Jobs</extracomment>
        <translation>Jobs</translation>
    </message>
    <message>
        <location filename="../../app/views/workspace/employment_tab.py" line="94"/>
        <source>尚無就業紀錄。</source>
        <extracomment>English in the code: No jobs recorded yet.</extracomment>
        <translation>No jobs recorded yet.</translation>
    </message>
    <message>
        <location filename="../../app/views/workspace/employment_tab.py" line="98"/>
        <source>就業資料</source>
        <extracomment>English in the code: Job</extracomment>
        <translation>Job</translation>
    </message>
    <message>
        <location filename="../../app/views/workspace/employment_tab.py" line="102"/>
        <location filename="../../app/views/workspace/employment_tab.py" line="152"/>
        <source>員工人數</source>
        <extracomment>English in the code: Employees</extracomment>
        <translation>Employees</translation>
    </message>
    <message>
        <location filename="../../app/views/workspace/employment_tab.py" line="104"/>
        <source>不詳</source>
        <extracomment>English in the code: unknown</extracomment>
        <translation>unknown</translation>
    </message>
    <message>
        <location filename="../../app/views/workspace/employment_tab.py" line="106"/>
        <source>5 人以下的公司可用勞保以外的證明（003 三(四)）</source>
        <extracomment>English in the code: Firms of ≤ 5 may prove the job otherwise</extracomment>
        <translation>Firms of ≤ 5 may prove the job otherwise</translation>
    </message>
    <message>
        <location filename="../../app/views/workspace/employment_tab.py" line="110"/>
        <location filename="../../app/views/workspace/employment_tab.py" line="154"/>
        <source>到職日</source>
        <comment>Start</comment>
        <extracomment>English in the code: Start</extracomment>
        <translation>Start</translation>
    </message>
    <message>
        <location filename="../../app/views/workspace/employment_tab.py" line="112"/>
        <source>每週工時</source>
        <comment>Hours per week</comment>
        <extracomment>English in the code: Hours per week</extracomment>
        <translation>Hours per week</translation>
    </message>
    <message>
        <location filename="../../app/views/workspace/employment_tab.py" line="116"/>
        <source> 小時</source>
        <extracomment>English in the code:  h</extracomment>
        <translation> h</translation>
    </message>
    <message>
        <location filename="../../app/views/workspace/employment_tab.py" line="118"/>
        <source>計薪方式</source>
        <extracomment>English in the code: Paid</extracomment>
        <translation>Paid</translation>
    </message>
    <message>
        <location filename="../../app/views/workspace/employment_tab.py" line="119"/>
        <source>月薪</source>
        <extracomment>English in the code: monthly</extracomment>
        <translation>monthly</translation>
    </message>
    <message>
        <location filename="../../app/views/workspace/employment_tab.py" line="120"/>
        <source>時薪</source>
        <extracomment>English in the code: hourly</extracomment>
        <translation>hourly</translation>
    </message>
    <message>
        <location filename="../../app/views/workspace/employment_tab.py" line="125"/>
        <location filename="../../app/views/workspace/records_tab.py" line="86"/>
        <source>未填</source>
        <extracomment>English in the code: not given</extracomment>
        <translation>not given</translation>
    </message>
    <message>
        <location filename="../../app/views/workspace/employment_tab.py" line="126"/>
        <source> 元</source>
        <extracomment>English in the code:  NTD</extracomment>
        <translation> NTD</translation>
    </message>
    <message>
        <location filename="../../app/views/workspace/employment_tab.py" line="128"/>
        <location filename="../../app/views/workspace/employment_tab.py" line="154"/>
        <source>勞保加保日</source>
        <extracomment>English in the code: Insured from</extracomment>
        <translation>Insured from</translation>
    </message>
    <message>
        <location filename="../../app/views/workspace/employment_tab.py" line="130"/>
        <location filename="../../app/views/workspace/employment_tab.py" line="156"/>
        <source>就業證明</source>
        <extracomment>English in the code: Proof</extracomment>
        <translation>Proof</translation>
    </message>
    <message>
        <location filename="../../app/views/workspace/employment_tab.py" line="131"/>
        <source>（無）</source>
        <extracomment>English in the code: (none)</extracomment>
        <translation>(none)</translation>
    </message>
    <message>
        <location filename="../../app/views/workspace/employment_tab.py" line="134"/>
        <source>競爭性職場</source>
        <extracomment>English in the code: Competitive job</extracomment>
        <translation>Competitive job</translation>
    </message>
    <message>
        <location filename="../../app/views/workspace/employment_tab.py" line="136"/>
        <source>服務前已在職</source>
        <extracomment>English in the code: Employed before service</extracomment>
        <translation>Employed before service</translation>
    </message>
    <message>
        <location filename="../../app/views/workspace/employment_tab.py" line="137"/>
        <source>支持性就業（密集輔導）</source>
        <extracomment>English in the code: Supported employment</extracomment>
        <translation>Supported employment</translation>
    </message>
    <message>
        <location filename="../../app/views/workspace/employment_tab.py" line="139"/>
        <source>密集輔導工作天數</source>
        <extracomment>English in the code: Working days of intensive support</extracomment>
        <translation>Working days of intensive support</translation>
    </message>
    <message>
        <location filename="../../app/views/workspace/employment_tab.py" line="141"/>
        <source> 個工作天</source>
        <extracomment>English in the code:  working days</extracomment>
        <translation> working days</translation>
    </message>
    <message>
        <location filename="../../app/views/workspace/employment_tab.py" line="142"/>
        <source>群組模式</source>
        <extracomment>English in the code: Group model</extracomment>
        <translation>Group model</translation>
    </message>
    <message>
        <location filename="../../app/views/workspace/employment_tab.py" line="143"/>
        <source>偏鄉</source>
        <extracomment>English in the code: Remote area</extracomment>
        <translation>Remote area</translation>
    </message>
    <message>
        <location filename="../../app/views/workspace/employment_tab.py" line="144"/>
        <source>高度支持需求</source>
        <extracomment>English in the code: High support needs</extracomment>
        <translation>High support needs</translation>
    </message>
    <message>
        <location filename="../../app/views/workspace/employment_tab.py" line="171"/>
        <source>新增就業</source>
        <comment>Add job</comment>
        <extracomment>English in the code: Add job</extracomment>
        <translation>Add job</translation>
    </message>
    <message>
        <location filename="../../app/views/workspace/employment_tab.py" line="172"/>
        <source>儲存修改</source>
        <extracomment>English in the code: Save changes</extracomment>
        <translation>Save changes</translation>
    </message>
    <message>
        <location filename="../../app/views/workspace/employment_tab.py" line="173"/>
        <source>改為新增</source>
        <extracomment>English in the code: New job instead</extracomment>
        <translation>New job instead</translation>
    </message>
    <message>
        <location filename="../../app/views/workspace/employment_tab.py" line="189"/>
        <source>離職</source>
        <comment>Job ended</comment>
        <extracomment>English in the code: Job ended</extracomment>
        <translation>Job ended</translation>
    </message>
    <message>
        <location filename="../../app/views/workspace/employment_tab.py" line="190"/>
        <location filename="../../app/views/workspace/employment_tab.py" line="199"/>
        <source>離職日</source>
        <extracomment>English in the code: Last day</extracomment>
        <translation>Last day</translation>
    </message>
    <message>
        <location filename="../../app/views/workspace/employment_tab.py" line="193"/>
        <source>離職原因</source>
        <extracomment>English in the code: Reason</extracomment>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../app/views/workspace/employment_tab.py" line="194"/>
        <source>例：契約到期、個人因素</source>
        <extracomment>English in the code: e.g. contract ended</extracomment>
        <translation>e.g. contract ended</translation>
    </message>
    <message>
        <location filename="../../app/views/workspace/employment_tab.py" line="195"/>
        <source>記錄離職</source>
        <extracomment>English in the code: Record the end</extracomment>
        <translation>Record the end</translation>
    </message>
    <message>
        <location filename="../../app/views/workspace/employment_tab.py" line="201"/>
        <source>原因</source>
        <extracomment>English in the code: Reason</extracomment>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../app/views/workspace/employment_tab.py" line="282"/>
        <source>新增就業</source>
        <comment>New job</comment>
        <extracomment>English in the code: New job</extracomment>
        <translation>New job</translation>
    </message>
    <message>
        <location filename="../../app/views/workspace/employment_tab.py" line="374"/>
        <source>已新增就業紀錄。</source>
        <extracomment>English in the code: Job added.</extracomment>
        <translation>Job added.</translation>
    </message>
    <message>
        <location filename="../../app/views/workspace/plan_dialogs.py" line="91"/>
        <location filename="../../app/views/workspace/plan_dialogs.py" line="105"/>
        <source>目標內容</source>
        <extracomment>English in the code: Goal</extracomment>
        <translation>Goal</translation>
    </message>
    <message>
        <location filename="../../app/views/workspace/plan_dialogs.py" line="93"/>
        <source>例：三個月內完成職業輔導評量</source>
        <extracomment>English in the code: e.g. complete a vocational evaluation</extracomment>
        <translation>e.g. complete a vocational evaluation</translation>
    </message>
    <message>
        <location filename="../../app/views/workspace/plan_dialogs.py" line="95"/>
        <location filename="../../app/views/workspace/plan_dialogs.py" line="106"/>
        <source>預定達成日</source>
        <comment>Target date</comment>
        <extracomment>English in the code: Target date</extracomment>
        <translation>Target date</translation>
    </message>
    <message>
        <location filename="../../app/views/workspace/plan_dialogs.py" line="98"/>
        <location filename="../../app/views/workspace/plan_dialogs.py" line="107"/>
        <location filename="../../app/views/workspace/plan_editor.py" line="49"/>
        <source>達成情形</source>
        <extracomment>English in the code: Met</extracomment>
        <translation>Met</translation>
    </message>
    <message>
        <location filename="../../app/views/workspace/plan_dialogs.py" line="104"/>
        <location filename="../../app/views/workspace/plan_dialogs.py" line="172"/>
        <source>計畫部分</source>
        <extracomment>English in the code: Part</extracomment>
        <translation>Part</translation>
    </message>
    <message>
        <location filename="../../app/views/workspace/plan_dialogs.py" line="120"/>
        <source>請填寫目標內容。</source>
        <extracomment>English in the code: Enter the goal.</extracomment>
        <translation>Enter the goal.</translation>
    </message>
    <message>
        <location filename="../../app/views/workspace/plan_dialogs.py" line="150"/>
        <location filename="../../app/views/workspace/plan_dialogs.py" line="176"/>
        <location filename="../../app/views/workspace/plan_editor.py" line="61"/>
        <source>說明</source>
        <comment>Details</comment>
        <extracomment>English in the code: Details</extracomment>
        <translation>Details</translation>
    </message>
    <message>
        <location filename="../../app/views/workspace/plan_dialogs.py" line="151"/>
        <location filename="../../app/views/workspace/plan_editor.py" line="148"/>
        <source>開始日</source>
        <extracomment>English in the code: Start</extracomment>
        <translation>Start</translation>
    </message>
    <message>
        <location filename="../../app/views/workspace/plan_dialogs.py" line="152"/>
        <location filename="../../app/views/workspace/plan_editor.py" line="149"/>
        <source>結束日</source>
        <extracomment>English in the code: End</extracomment>
        <translation>End</translation>
    </message>
    <message>
        <location filename="../../app/views/workspace/plan_dialogs.py" line="156"/>
        <location filename="../../app/views/workspace/plan_dialogs.py" line="178"/>
        <location filename="../../app/views/workspace/plan_editor.py" line="59"/>
        <source>時數</source>
        <extracomment>English in the code: Hours</extracomment>
        <translation>Hours</translation>
    </message>
    <message>
        <location filename="../../app/views/workspace/plan_dialogs.py" line="159"/>
        <source>未定</source>
        <extracomment>English in the code: not set</extracomment>
        <translation>not set</translation>
    </message>
    <message>
        <location filename="../../app/views/workspace/plan_dialogs.py" line="174"/>
        <location filename="../../app/views/workspace/plan_editor.py" line="57"/>
        <source>服務單位</source>
        <comment>Unit</comment>
        <extracomment>English in the code: Unit</extracomment>
        <translation>Unit</translation>
    </message>
    <message>
        <location filename="../../app/views/workspace/plan_dialogs.py" line="177"/>
        <location filename="../../app/views/workspace/plan_editor.py" line="58"/>
        <source>服務期間</source>
        <extracomment>English in the code: Period</extracomment>
        <translation>Period</translation>
    </message>
    <message>
        <location filename="../../app/views/workspace/plan_dialogs.py" line="243"/>
        <location filename="../../app/views/workspace/plan_dialogs.py" line="253"/>
        <source>修訂原因</source>
        <comment>Reason</comment>
        <extracomment>English in the code: Reason</extracomment>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../app/views/workspace/plan_dialogs.py" line="244"/>
        <source>例：職評結果建議改為庇護性就業</source>
        <extracomment>English in the code: e.g. the evaluation suggests…</extracomment>
        <translation>e.g. the evaluation suggests…</translation>
    </message>
    <message>
        <location filename="../../app/views/workspace/plan_dialogs.py" line="247"/>
        <location filename="../../app/views/workspace/plan_dialogs.py" line="254"/>
        <source>新開始日</source>
        <extracomment>English in the code: New start</extracomment>
        <translation>New start</translation>
    </message>
    <message>
        <location filename="../../app/views/workspace/plan_dialogs.py" line="248"/>
        <location filename="../../app/views/workspace/plan_dialogs.py" line="255"/>
        <source>新結束日</source>
        <extracomment>English in the code: New end</extracomment>
        <translation>New end</translation>
    </message>
    <message>
        <location filename="../../app/views/workspace/plan_dialogs.py" line="267"/>
        <source>修訂計畫必須說明原因。</source>
        <extracomment>English in the code: A plan revision needs a reason.</extracomment>
        <translation>A plan revision needs a reason.</translation>
    </message>
    <message>
        <location filename="../../app/views/workspace/plan_editor.py" line="49"/>
        <source>預定達成日</source>
        <comment>Target</comment>
        <extracomment>English in the code: Target</extracomment>
        <translation>Target</translation>
    </message>
    <message>
        <location filename="../../app/views/workspace/plan_editor.py" line="65"/>
        <source>新增目標…</source>
        <extracomment>English in the code: Add goal…</extracomment>
        <translation>Add goal…</translation>
    </message>
    <message>
        <location filename="../../app/views/workspace/plan_editor.py" line="66"/>
        <location filename="../../app/views/workspace/plan_editor.py" line="136"/>
        <source>編輯目標…</source>
        <extracomment>English in the code: Edit goal…</extracomment>
        <translation>Edit goal…</translation>
    </message>
    <message>
        <location filename="../../app/views/workspace/plan_editor.py" line="67"/>
        <source>刪除目標</source>
        <extracomment>English in the code: Remove goal</extracomment>
        <translation>Remove goal</translation>
    </message>
    <message>
        <location filename="../../app/views/workspace/plan_editor.py" line="68"/>
        <source>新增服務…</source>
        <extracomment>English in the code: Add service…</extracomment>
        <translation>Add service…</translation>
    </message>
    <message>
        <location filename="../../app/views/workspace/plan_editor.py" line="69"/>
        <location filename="../../app/views/workspace/plan_editor.py" line="138"/>
        <source>編輯服務…</source>
        <extracomment>English in the code: Edit service…</extracomment>
        <translation>Edit service…</translation>
    </message>
    <message>
        <location filename="../../app/views/workspace/plan_editor.py" line="70"/>
        <source>刪除服務</source>
        <extracomment>English in the code: Remove service</extracomment>
        <translation>Remove service</translation>
    </message>
    <message>
        <location filename="../../app/views/workspace/plan_editor.py" line="73"/>
        <source>目標</source>
        <comment>Goals</comment>
        <extracomment>English in the code: Goals</extracomment>
        <translation>Goals</translation>
    </message>
    <message>
        <location filename="../../app/views/workspace/plan_editor.py" line="105"/>
        <source>（未指定）</source>
        <extracomment>English in the code: (none)</extracomment>
        <translation>(none)</translation>
    </message>
    <message>
        <location filename="../../app/views/workspace/plan_editor.py" line="136"/>
        <source>記錄達成…</source>
        <extracomment>English in the code: Record…</extracomment>
        <translation>Record…</translation>
    </message>
    <message>
        <location filename="../../app/views/workspace/plan_editor.py" line="138"/>
        <source>更新進度…</source>
        <extracomment>English in the code: Progress…</extracomment>
        <translation>Progress…</translation>
    </message>
    <message>
        <location filename="../../app/views/workspace/plan_editor.py" line="146"/>
        <source>計畫內容</source>
        <extracomment>English in the code: Plan</extracomment>
        <translation>Plan</translation>
    </message>
    <message>
        <location filename="../../app/views/workspace/plan_editor.py" line="152"/>
        <source>例：一年內進入餐飲業內場穩定就業</source>
        <extracomment>English in the code: e.g. a stable kitchen job</extracomment>
        <translation>e.g. a stable kitchen job</translation>
    </message>
    <message>
        <location filename="../../app/views/workspace/plan_editor.py" line="173"/>
        <source>計畫三部分</source>
        <extracomment>English in the code: The plan&apos;s three parts</extracomment>
        <translation>The plan&apos;s three parts</translation>
    </message>
    <message>
        <location filename="../../app/views/workspace/plan_editor.py" line="181"/>
        <source>同意人</source>
        <comment>Consent given by</comment>
        <extracomment>English in the code: Consent given by</extracomment>
        <translation>Consent given by</translation>
    </message>
    <message>
        <location filename="../../app/views/workspace/plan_editor.py" line="184"/>
        <location filename="../../app/views/workspace/profile_tab.py" line="94"/>
        <location filename="../../app/views/workspace/profile_tab.py" line="190"/>
        <source>同意日期</source>
        <extracomment>English in the code: Consent date</extracomment>
        <translation>Consent date</translation>
    </message>
    <message>
        <location filename="../../app/views/workspace/plan_editor.py" line="185"/>
        <source>記錄同意</source>
        <extracomment>English in the code: Record consent</extracomment>
        <translation>Record consent</translation>
    </message>
    <message>
        <location filename="../../app/views/workspace/plan_editor.py" line="189"/>
        <source>同意人</source>
        <comment>By</comment>
        <extracomment>English in the code: By</extracomment>
        <translation>By</translation>
    </message>
    <message>
        <location filename="../../app/views/workspace/plan_editor.py" line="195"/>
        <source>知後同意（個案或監護人）</source>
        <extracomment>English in the code: Informed consent (client or guardian)</extracomment>
        <translation>Informed consent (client or guardian)</translation>
    </message>
    <message>
        <location filename="../../app/views/workspace/plan_editor.py" line="239"/>
        <source>尚未取得同意：計畫須經個案（或監護人）知後同意才能執行；同意後若修改內容，須重新取得同意。</source>
        <extracomment>English in the code: No consent yet: the plan starts only with the client&apos;s (or guardian&apos;s) informed consent; changing it afterwards needs consent again.</extracomment>
        <translation>No consent yet: the plan starts only with the client&apos;s (or guardian&apos;s) informed consent; changing it afterwards needs consent again.</translation>
    </message>
    <message>
        <location filename="../../app/views/workspace/plan_tab.py" line="71"/>
        <source>新增計畫</source>
        <extracomment>English in the code: New plan</extracomment>
        <translation>New plan</translation>
    </message>
    <message>
        <location filename="../../app/views/workspace/plan_tab.py" line="75"/>
        <source>將已經個案同意的計畫送督導審核</source>
        <extracomment>English in the code: Send the consented plan to the supervisor for sign-off</extracomment>
        <translation>Send the consented plan to the supervisor for sign-off</translation>
    </message>
    <message>
        <location filename="../../app/views/workspace/plan_tab.py" line="78"/>
        <source>執行計畫</source>
        <extracomment>English in the code: Start the plan</extracomment>
        <translation>Start the plan</translation>
    </message>
    <message>
        <location filename="../../app/views/workspace/plan_tab.py" line="79"/>
        <source>修訂計畫…</source>
        <extracomment>English in the code: Revise…</extracomment>
        <translation>Revise…</translation>
    </message>
    <message>
        <location filename="../../app/views/workspace/plan_tab.py" line="100"/>
        <source>計畫版本</source>
        <comment>Versions</comment>
        <extracomment>English in the code: Versions</extracomment>
        <translation>Versions</translation>
    </message>
    <message>
        <location filename="../../app/views/workspace/plan_tab.py" line="186"/>
        <source>此個案尚無服務計畫。按「新增計畫」建立草稿，再填寫三部分的目標與服務。</source>
        <extracomment>English in the code: This case has no plan yet. Press “New plan” to start a draft.</extracomment>
        <translation>This case has no plan yet. Press “New plan” to start a draft.</translation>
    </message>
    <message>
        <location filename="../../app/views/workspace/plan_tab.py" line="193"/>
        <source>個案未開案或已結案，不能擬定計畫。</source>
        <extracomment>English in the code: The case is not open; no plan can be made.</extracomment>
        <translation>The case is not open; no plan can be made.</translation>
    </message>
    <message>
        <location filename="../../app/views/workspace/plan_versions.py" line="22"/>
        <source>版本</source>
        <extracomment>English in the code: Version</extracomment>
        <translation>Version</translation>
    </message>
    <message>
        <location filename="../../app/views/workspace/plan_versions.py" line="28"/>
        <source>計畫版本</source>
        <comment>Plan versions</comment>
        <extracomment>English in the code: Plan versions</extracomment>
        <translation>Plan versions</translation>
    </message>
    <message>
        <location filename="../../app/views/workspace/plan_versions.py" line="61"/>
        <source>督導已核定，待執行</source>
        <extracomment>English in the code: Approved, not started</extracomment>
        <translation>Approved, not started</translation>
    </message>
    <message>
        <location filename="../../app/views/workspace/plan_versions.py" line="70"/>
        <source>請按「修訂計畫」建立新版本，依意見修改後再送審。</source>
        <extracomment>English in the code: Revise it into a new version, change what was asked, and submit that.</extracomment>
        <translation>Revise it into a new version, change what was asked, and submit that.</translation>
    </message>
    <message>
        <location filename="../../app/views/workspace/plan_versions.py" line="77"/>
        <source>可按「執行計畫」開始執行。</source>
        <extracomment>English in the code: Press “Start the plan” to carry it out.</extracomment>
        <translation>Press “Start the plan” to carry it out.</translation>
    </message>
    <message>
        <location filename="../../app/views/workspace/profile_tab.py" line="71"/>
        <location filename="../../app/views/workspace/profile_tab.py" line="152"/>
        <source>身分證統一編號</source>
        <extracomment>English in the code: ID number</extracomment>
        <translation>ID number</translation>
    </message>
    <message>
        <location filename="../../app/views/workspace/profile_tab.py" line="77"/>
        <location filename="../../app/views/workspace/profile_tab.py" line="79"/>
        <source>（未填）</source>
        <extracomment>English in the code: (not given)</extracomment>
        <translation>(not given)</translation>
    </message>
    <message>
        <location filename="../../app/views/workspace/profile_tab.py" line="82"/>
        <source>非原住民</source>
        <extracomment>English in the code: Not indigenous</extracomment>
        <translation>Not indigenous</translation>
    </message>
    <message>
        <location filename="../../app/views/workspace/profile_tab.py" line="87"/>
        <location filename="../../app/views/workspace/profile_tab.py" line="163"/>
        <source>市話</source>
        <extracomment>English in the code: Home phone</extracomment>
        <translation>Home phone</translation>
    </message>
    <message>
        <location filename="../../app/views/workspace/profile_tab.py" line="92"/>
        <location filename="../../app/views/workspace/profile_tab.py" line="185"/>
        <source>聯絡人電話</source>
        <extracomment>English in the code: Contact&apos;s phone</extracomment>
        <translation>Contact&apos;s phone</translation>
    </message>
    <message>
        <location filename="../../app/views/workspace/profile_tab.py" line="93"/>
        <source>已簽署個人資料蒐集告知同意書</source>
        <extracomment>English in the code: Signed the personal-data consent</extracomment>
        <translation>Signed the personal-data consent</translation>
    </message>
    <message>
        <location filename="../../app/views/workspace/profile_tab.py" line="120"/>
        <source>儲存基本資料</source>
        <extracomment>English in the code: Save profile</extracomment>
        <translation>Save profile</translation>
    </message>
    <message>
        <location filename="../../app/views/workspace/profile_tab.py" line="132"/>
        <source>（縣市）</source>
        <extracomment>English in the code: (county)</extracomment>
        <translation>(county)</translation>
    </message>
    <message>
        <location filename="../../app/views/workspace/profile_tab.py" line="137"/>
        <source>路街、巷弄、號、樓</source>
        <extracomment>English in the code: Street, lane, number, floor</extracomment>
        <translation>Street, lane, number, floor</translation>
    </message>
    <message>
        <location filename="../../app/views/workspace/profile_tab.py" line="149"/>
        <source>個案基本資料</source>
        <comment>Client</comment>
        <extracomment>English in the code: Client</extracomment>
        <translation>Client</translation>
    </message>
    <message>
        <location filename="../../app/views/workspace/profile_tab.py" line="155"/>
        <source>教育程度</source>
        <extracomment>English in the code: Education</extracomment>
        <translation>Education</translation>
    </message>
    <message>
        <location filename="../../app/views/workspace/profile_tab.py" line="156"/>
        <source>家庭經濟狀況</source>
        <extracomment>English in the code: Household income</extracomment>
        <translation>Household income</translation>
    </message>
    <message>
        <location filename="../../app/views/workspace/profile_tab.py" line="157"/>
        <source>原住民族別</source>
        <extracomment>English in the code: Indigenous people</extracomment>
        <translation>Indigenous people</translation>
    </message>
    <message>
        <location filename="../../app/views/workspace/profile_tab.py" line="158"/>
        <source>特定對象身分</source>
        <extracomment>English in the code: Target groups</extracomment>
        <translation>Target groups</translation>
    </message>
    <message>
        <location filename="../../app/views/workspace/profile_tab.py" line="160"/>
        <source>聯絡方式</source>
        <extracomment>English in the code: Contact</extracomment>
        <translation>Contact</translation>
    </message>
    <message>
        <location filename="../../app/views/workspace/profile_tab.py" line="177"/>
        <source>居住地址同戶籍地址</source>
        <extracomment>English in the code: Home address = registered address</extracomment>
        <translation>Home address = registered address</translation>
    </message>
    <message>
        <location filename="../../app/views/workspace/profile_tab.py" line="184"/>
        <source>與個案關係</source>
        <extracomment>English in the code: Relation</extracomment>
        <translation>Relation</translation>
    </message>
    <message>
        <location filename="../../app/views/workspace/profile_tab.py" line="187"/>
        <source>個資蒐集告知同意</source>
        <extracomment>English in the code: Personal-data consent</extracomment>
        <translation>Personal-data consent</translation>
    </message>
    <message>
        <location filename="../../app/views/workspace/profile_tab.py" line="192"/>
        <source>工作經歷、健康與優勢</source>
        <extracomment>English in the code: Work history, health and strengths</extracomment>
        <translation>Work history, health and strengths</translation>
    </message>
    <message>
        <location filename="../../app/views/workspace/profile_tab.py" line="194"/>
        <source>工作經歷</source>
        <extracomment>English in the code: Work history</extracomment>
        <translation>Work history</translation>
    </message>
    <message>
        <location filename="../../app/views/workspace/profile_tab.py" line="195"/>
        <source>健康狀況</source>
        <extracomment>English in the code: Health</extracomment>
        <translation>Health</translation>
    </message>
    <message>
        <location filename="../../app/views/workspace/profile_tab.py" line="196"/>
        <source>優勢</source>
        <extracomment>English in the code: Strengths</extracomment>
        <translation>Strengths</translation>
    </message>
    <message>
        <location filename="../../app/views/workspace/profile_tab.py" line="269"/>
        <source>有未儲存的變更（Ctrl+S 儲存）</source>
        <extracomment>English in the code: Unsaved changes (Ctrl+S to save)</extracomment>
        <translation>Unsaved changes (Ctrl+S to save)</translation>
    </message>
    <message>
        <location filename="../../app/views/workspace/profile_tab.py" line="369"/>
        <source>儲存中…</source>
        <extracomment>English in the code: Saving…</extracomment>
        <translation>Saving…</translation>
    </message>
    <message>
        <location filename="../../app/views/workspace/profile_tab.py" line="389"/>
        <source>未儲存</source>
        <extracomment>English in the code: Not saved</extracomment>
        <translation>Not saved</translation>
    </message>
    <message>
        <location filename="../../app/views/workspace/records_tab.py" line="69"/>
        <source>紀錄清單</source>
        <extracomment>English in the code: Records</extracomment>
        <translation>Records</translation>
    </message>
    <message>
        <location filename="../../app/views/workspace/records_tab.py" line="69"/>
        <source>新增紀錄</source>
        <extracomment>English in the code: New record</extracomment>
        <translation>New record</translation>
    </message>
    <message>
        <location filename="../../app/views/workspace/records_tab.py" line="73"/>
        <source>聯繫紀錄</source>
        <extracomment>English in the code: Contact attempts</extracomment>
        <translation>Contact attempts</translation>
    </message>
    <message>
        <location filename="../../app/views/workspace/records_tab.py" line="85"/>
        <source> 分鐘</source>
        <extracomment>English in the code:  min</extracomment>
        <translation> min</translation>
    </message>
    <message>
        <location filename="../../app/views/workspace/records_tab.py" line="89"/>
        <source>晤談內容、個案狀況、下一步…</source>
        <extracomment>English in the code: What was discussed, how the client is, next steps…</extracomment>
        <translation>What was discussed, how the client is, next steps…</translation>
    </message>
    <message>
        <location filename="../../app/views/workspace/records_tab.py" line="93"/>
        <source>新增更正紀錄</source>
        <extracomment>English in the code: Add a correction</extracomment>
        <translation>Add a correction</translation>
    </message>
    <message>
        <location filename="../../app/views/workspace/records_tab.py" line="95"/>
        <source>已登錄系統日期</source>
        <extracomment>English in the code: Entered into the system on</extracomment>
        <translation>Entered into the system on</translation>
    </message>
    <message>
        <location filename="../../app/views/workspace/records_tab.py" line="97"/>
        <source>儲存登錄日</source>
        <extracomment>English in the code: Save entry date</extracomment>
        <translation>Save entry date</translation>
    </message>
    <message>
        <location filename="../../app/views/workspace/records_tab.py" line="123"/>
        <source>方式</source>
        <comment>Mode</comment>
        <extracomment>English in the code: Mode</extracomment>
        <translation>Mode</translation>
    </message>
    <message>
        <location filename="../../app/views/workspace/records_tab.py" line="125"/>
        <source>地點</source>
        <extracomment>English in the code: Place</extracomment>
        <translation>Place</translation>
    </message>
    <message>
        <location filename="../../app/views/workspace/records_tab.py" line="126"/>
        <source>服務時長</source>
        <extracomment>English in the code: Duration</extracomment>
        <translation>Duration</translation>
    </message>
    <message>
        <location filename="../../app/views/workspace/records_tab.py" line="129"/>
        <location filename="../../app/views/workspace/records_tab.py" line="140"/>
        <source>紀錄內容</source>
        <extracomment>English in the code: Notes</extracomment>
        <translation>Notes</translation>
    </message>
    <message>
        <location filename="../../app/views/workspace/records_tab.py" line="133"/>
        <source>已登錄職重系統：</source>
        <extracomment>English in the code: Entered into the national system:</extracomment>
        <translation>Entered into the national system:</translation>
    </message>
    <message>
        <location filename="../../app/views/workspace/records_tab.py" line="147"/>
        <source>&lt;b&gt;服務紀錄&lt;/b&gt;</source>
        <extracomment>English in the code: &lt;b&gt;Records&lt;/b&gt;</extracomment>
        <translation>&lt;b&gt;Records&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../../app/views/workspace/records_tab.py" line="149"/>
        <source>&lt;b&gt;聯繫紀錄&lt;/b&gt;</source>
        <extracomment>English in the code: &lt;b&gt;Contact attempts&lt;/b&gt;</extracomment>
        <translation>&lt;b&gt;Contact attempts&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../../app/views/workspace/records_tab.py" line="206"/>
        <source>已登錄</source>
        <extracomment>English in the code: Entered</extracomment>
        <translation>Entered</translation>
    </message>
    <message>
        <location filename="../../app/views/workspace/records_tab.py" line="208"/>
        <source>（更正）</source>
        <extracomment>English in the code:  (correction)</extracomment>
        <translation> (correction)</translation>
    </message>
    <message>
        <location filename="../../app/views/workspace/records_tab.py" line="210"/>
        <source>（已更正）</source>
        <extracomment>English in the code:  (corrected)</extracomment>
        <translation> (corrected)</translation>
    </message>
    <message>
        <location filename="../../app/views/workspace/records_tab.py" line="246"/>
        <source>新紀錄：開始輸入後會自動存成草稿。</source>
        <extracomment>English in the code: New record: it is saved as a draft as you type.</extracomment>
        <translation>New record: it is saved as a draft as you type.</translation>
    </message>
    <message>
        <location filename="../../app/views/workspace/referral_tab.py" line="87"/>
        <source>服務項目／職務</source>
        <extracomment>English in the code: Service / job</extracomment>
        <translation>Service / job</translation>
    </message>
    <message>
        <location filename="../../app/views/workspace/referral_tab.py" line="88"/>
        <source>受案單位／雇主</source>
        <extracomment>English in the code: Unit / employer</extracomment>
        <translation>Unit / employer</translation>
    </message>
    <message>
        <location filename="../../app/views/workspace/referral_tab.py" line="89"/>
        <source>派案日</source>
        <comment>Sent</comment>
        <extracomment>English in the code: Sent</extracomment>
        <translation>Sent</translation>
    </message>
    <message>
        <location filename="../../app/views/workspace/referral_tab.py" line="90"/>
        <source>回覆</source>
        <extracomment>English in the code: Answer</extracomment>
        <translation>Answer</translation>
    </message>
    <message>
        <location filename="../../app/views/workspace/referral_tab.py" line="92"/>
        <source>追蹤完成</source>
        <extracomment>English in the code: Followed up</extracomment>
        <translation>Followed up</translation>
    </message>
    <message>
        <location filename="../../app/views/workspace/referral_tab.py" line="94"/>
        <source>轉介紀錄</source>
        <extracomment>English in the code: Referrals</extracomment>
        <translation>Referrals</translation>
    </message>
    <message>
        <location filename="../../app/views/workspace/referral_tab.py" line="97"/>
        <source>尚無轉介紀錄。</source>
        <extracomment>English in the code: No referrals yet.</extracomment>
        <translation>No referrals yet.</translation>
    </message>
    <message>
        <location filename="../../app/views/workspace/referral_tab.py" line="100"/>
        <source>所選轉介</source>
        <extracomment>English in the code: Selected referral</extracomment>
        <translation>Selected referral</translation>
    </message>
    <message>
        <location filename="../../app/views/workspace/referral_tab.py" line="104"/>
        <source>回覆結果</source>
        <extracomment>English in the code: Answer</extracomment>
        <translation>Answer</translation>
    </message>
    <message>
        <location filename="../../app/views/workspace/referral_tab.py" line="107"/>
        <source>回覆日</source>
        <extracomment>English in the code: Answered on</extracomment>
        <translation>Answered on</translation>
    </message>
    <message>
        <location filename="../../app/views/workspace/referral_tab.py" line="109"/>
        <location filename="../../app/views/workspace/referral_tab.py" line="124"/>
        <source>不接案原因</source>
        <extracomment>English in the code: Why declined</extracomment>
        <translation>Why declined</translation>
    </message>
    <message>
        <location filename="../../app/views/workspace/referral_tab.py" line="110"/>
        <source>不接案時必填</source>
        <extracomment>English in the code: required when declined</extracomment>
        <translation>required when declined</translation>
    </message>
    <message>
        <location filename="../../app/views/workspace/referral_tab.py" line="111"/>
        <source>記錄回覆</source>
        <extracomment>English in the code: Record answer</extracomment>
        <translation>Record answer</translation>
    </message>
    <message>
        <location filename="../../app/views/workspace/referral_tab.py" line="113"/>
        <source>追蹤日</source>
        <comment>Followed up on</comment>
        <extracomment>English in the code: Followed up on</extracomment>
        <translation>Followed up on</translation>
    </message>
    <message>
        <location filename="../../app/views/workspace/referral_tab.py" line="115"/>
        <source>追蹤情形</source>
        <comment>Follow-up note</comment>
        <extracomment>English in the code: Follow-up note</extracomment>
        <translation>Follow-up note</translation>
    </message>
    <message>
        <location filename="../../app/views/workspace/referral_tab.py" line="116"/>
        <source>例：已開始評量，適應良好</source>
        <extracomment>English in the code: what was learnt</extracomment>
        <translation>what was learnt</translation>
    </message>
    <message>
        <location filename="../../app/views/workspace/referral_tab.py" line="117"/>
        <source>記錄追蹤</source>
        <extracomment>English in the code: Record follow-up</extracomment>
        <translation>Record follow-up</translation>
    </message>
    <message>
        <location filename="../../app/views/workspace/referral_tab.py" line="123"/>
        <source>單位回覆</source>
        <extracomment>English in the code: Answer</extracomment>
        <translation>Answer</translation>
    </message>
    <message>
        <location filename="../../app/views/workspace/referral_tab.py" line="126"/>
        <source>追蹤日</source>
        <comment>Followed up</comment>
        <extracomment>English in the code: Followed up</extracomment>
        <translation>Followed up</translation>
    </message>
    <message>
        <location filename="../../app/views/workspace/referral_tab.py" line="127"/>
        <source>追蹤情形</source>
        <comment>Note</comment>
        <extracomment>English in the code: Note</extracomment>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../app/views/workspace/referral_tab.py" line="137"/>
        <source>新增派案／轉介</source>
        <extracomment>English in the code: New referral</extracomment>
        <translation>New referral</translation>
    </message>
    <message>
        <location filename="../../app/views/workspace/referral_tab.py" line="150"/>
        <source>聯繫日期</source>
        <extracomment>English in the code: Contacted on</extracomment>
        <translation>Contacted on</translation>
    </message>
    <message>
        <location filename="../../app/views/workspace/referral_tab.py" line="152"/>
        <location filename="../../app/views/workspace/referral_tab.py" line="180"/>
        <source>派案日</source>
        <comment>Sent on</comment>
        <extracomment>English in the code: Sent on</extracomment>
        <translation>Sent on</translation>
    </message>
    <message>
        <location filename="../../app/views/workspace/referral_tab.py" line="153"/>
        <source>送出</source>
        <extracomment>English in the code: Send</extracomment>
        <translation>Send</translation>
    </message>
    <message>
        <location filename="../../app/views/workspace/referral_tab.py" line="163"/>
        <source>受案單位</source>
        <extracomment>English in the code: Unit</extracomment>
        <translation>Unit</translation>
    </message>
    <message>
        <location filename="../../app/views/workspace/referral_tab.py" line="178"/>
        <source>先行聯繫</source>
        <extracomment>English in the code: Contact first</extracomment>
        <translation>Contact first</translation>
    </message>
    <message>
        <location filename="../../app/views/workspace/referral_tab.py" line="179"/>
        <source>個案同意</source>
        <extracomment>English in the code: Consent</extracomment>
        <translation>Consent</translation>
    </message>
    <message>
        <location filename="../../app/views/workspace/referral_tab.py" line="300"/>
        <source>只列出提供此服務的單位。</source>
        <extracomment>English in the code: Only units offering this service.</extracomment>
        <translation>Only units offering this service.</translation>
    </message>
    <message>
        <location filename="../../app/views/workspace/referral_tab.py" line="356"/>
        <source>已送出，追蹤期限已排入今日待辦。</source>
        <extracomment>English in the code: Sent; the follow-up is on the agenda.</extracomment>
        <translation>Sent; the follow-up is on the agenda.</translation>
    </message>
    <message>
        <location filename="../../app/views/workspace/referral_texts.py" line="92"/>
        <source>推介前已先聯繫雇主</source>
        <extracomment>English in the code: The employer was contacted first</extracomment>
        <translation>The employer was contacted first</translation>
    </message>
    <message>
        <location filename="../../app/views/workspace/referral_texts.py" line="93"/>
        <source>派案前已先聯繫受案單位</source>
        <extracomment>English in the code: The unit was contacted before referring</extracomment>
        <translation>The unit was contacted before referring</translation>
    </message>
    <message>
        <location filename="../../app/views/workspace/referral_texts.py" line="99"/>
        <source>個案同意將資料提供給雇主</source>
        <extracomment>English in the code: The client agreed to their data going to the employer</extracomment>
        <translation>The client agreed to their data going to the employer</translation>
    </message>
    <message>
        <location filename="../../app/views/workspace/referral_texts.py" line="100"/>
        <source>個案同意將資料提供給受案單位</source>
        <extracomment>English in the code: The client agreed to their data going to the unit</extracomment>
        <translation>The client agreed to their data going to the unit</translation>
    </message>
    <message>
        <location filename="../../app/views/workspace/review_state.py" line="52"/>
        <source>督導審核</source>
        <extracomment>English in the code: Supervisor&apos;s sign-off</extracomment>
        <translation>Supervisor&apos;s sign-off</translation>
    </message>
    <message>
        <location filename="../../app/views/workspace/review_state.py" line="67"/>
        <source>給督導的說明（選填）</source>
        <extracomment>English in the code: Note to the supervisor (optional)</extracomment>
        <translation>Note to the supervisor (optional)</translation>
    </message>
    <message>
        <location filename="../../app/views/workspace/review_state.py" line="68"/>
        <source>送審說明</source>
        <comment>Note to the supervisor</comment>
        <extracomment>English in the code: Note to the supervisor</extracomment>
        <translation>Note to the supervisor</translation>
    </message>
    <message>
        <location filename="../../app/views/workspace/review_state.py" line="79"/>
        <source>已送督導審核；同步後督導即可審閱。</source>
        <extracomment>English in the code: Submitted; the supervisor sees it after the next sync.</extracomment>
        <translation>Submitted; the supervisor sees it after the next sync.</translation>
    </message>
    <message>
        <location filename="../../app/views/workspace/timeline_tab.py" line="60"/>
        <source>經過</source>
        <extracomment>English in the code: What happened</extracomment>
        <translation>What happened</translation>
    </message>
    <message>
        <location filename="../../app/views/workspace/timeline_tab.py" line="69"/>
        <source>個案歷程</source>
        <extracomment>English in the code: Case timeline</extracomment>
        <translation>Case timeline</translation>
    </message>
    <message>
        <location filename="../../app/views/workspace/timeline_tab.py" line="77"/>
        <source>顯示</source>
        <extracomment>English in the code: Show</extracomment>
        <translation>Show</translation>
    </message>
    <message>
        <location filename="../../app/views/workspace/timeline_tab.py" line="81"/>
        <source>歷程摘要</source>
        <extracomment>English in the code: Timeline summary</extracomment>
        <translation>Timeline summary</translation>
    </message>
    <message>
        <location filename="../../app/views/workspace/timeline_tab.py" line="83"/>
        <source>最新的在最上面；粗體為重要階段，灰色斜體為尚未定稿的草稿。按兩下可開啟該筆紀錄。</source>
        <extracomment>English in the code: Newest first; milestones in bold, drafts not yet finalised in grey italics. Double-click a line to open its record.</extracomment>
        <translation>Newest first; milestones in bold, drafts not yet finalised in grey italics. Double-click a line to open its record.</translation>
    </message>
    <message>
        <location filename="../../app/views/workspace/timeline_tab.py" line="91"/>
        <source>顯示：</source>
        <extracomment>English in the code: Show:</extracomment>
        <translation>Show:</translation>
    </message>
    <message>
        <location filename="../../app/views/workspace/timeline_tab.py" line="133"/>
        <source>沒有符合的紀錄</source>
        <extracomment>English in the code: Nothing to show</extracomment>
        <translation>Nothing to show</translation>
    </message>
    <message>
        <source>定稿後這筆督導紀錄不可再修改。確定定稿？</source>
        <extracomment>English in the code: A finalised record cannot be changed any more. Finalise it?</extracomment>
        <translation type="vanished">A finalised record cannot be changed any more. Finalise it?</translation>
    </message>
    <message>
        <source>確認後個案即結案（階段 G），之後不能再新增計畫、派案或就業紀錄。</source>
        <extracomment>English in the code: Once confirmed the case is closed (stage G); no more plans, referrals or jobs can be added.</extracomment>
        <translation type="vanished">Once confirmed the case is closed (stage G); no more plans, referrals or jobs can be added.</translation>
    </message>
    <message>
        <source>（不指定個案）</source>
        <extracomment>English in the code: (no case)</extracomment>
        <translation type="vanished">(no case)</translation>
    </message>
</context>
</TS>

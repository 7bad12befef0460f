<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru" sourcelanguage="en">
<context>
    <name>AddServiceDialog</name>
    <message>
        <source>Add service</source>
        <translation>Добавить услугу</translation>
    </message>
    <message>
        <source>&amp;Apply</source>
        <translation>&amp;Применить</translation>
    </message>
    <message>
        <source>{name} · {price}</source>
        <translation>{name} · {price}</translation>
    </message>
    <message>
        <source>&amp;Service:</source>
        <translation>&amp;Услуга:</translation>
    </message>
    <message>
        <source>Tax:</source>
        <translation>Налог:</translation>
    </message>
    <message>
        <source>&amp;Quantity:</source>
        <translation>&amp;Количество:</translation>
    </message>
    <message>
        <source>&amp;Price ({currency}):</source>
        <translation>&amp;Цена ({currency}):</translation>
    </message>
    <message>
        <source>Amount:</source>
        <translation>Сумма:</translation>
    </message>
    <message>
        <source>Total:</source>
        <translation>Итого:</translation>
    </message>
    <message>
        <source>Add a&amp;nother line</source>
        <translation>Добавить &amp;ещё строку</translation>
    </message>
    <message>
        <source>&amp;Remove line</source>
        <translation>Удалить с&amp;троку</translation>
    </message>
    <message>
        <source>&amp;Other lines:</source>
        <translation>&amp;Другие строки:</translation>
    </message>
    <message>
        <source>&amp;Bill:</source>
        <translation>&amp;Счёт:</translation>
    </message>
    <message>
        <source>The service catalogue is empty.</source>
        <translation>Каталог услуг пуст.</translation>
    </message>
    <message>
        <source>{tax}, included in the price</source>
        <translation>{tax}, включён в цену</translation>
    </message>
    <message>
        <source>Choose a service.</source>
        <translation>Выберите услугу.</translation>
    </message>
    <message>
        <source>{service} × {quantity} · {amount}</source>
        <translation>{service} × {quantity} · {amount}</translation>
    </message>
    <message>
        <source>Choose the bill.</source>
        <translation>Выберите счёт.</translation>
    </message>
</context>
<context>
    <name>AmendReservationDialog</name>
    <message>
        <source>Change reservation {number}</source>
        <translation>Изменение брони {number}</translation>
    </message>
    <message>
        <source>&amp;Apply</source>
        <translation>&amp;Применить</translation>
    </message>
    <message>
        <source>&amp;Arrival:</source>
        <translation>&amp;Заезд:</translation>
    </message>
    <message>
        <source>De&amp;parture:</source>
        <translation>В&amp;ыезд:</translation>
    </message>
    <message>
        <source>Rate per ni&amp;ght ({currency}):</source>
        <translation>&amp;Цена за ночь ({currency}):</translation>
    </message>
</context>
<context>
    <name>AuditTrail</name>
    <message>
        <source>Sign-in</source>
        <translation>Вход</translation>
    </message>
    <message>
        <source>Failed sign-in</source>
        <translation>Неудачный вход</translation>
    </message>
    <message>
        <source>Desk locked</source>
        <translation>Рабочее место заблокировано</translation>
    </message>
    <message>
        <source>Switch of user</source>
        <translation>Смена пользователя</translation>
    </message>
    <message>
        <source>Manager&apos;s approval</source>
        <translation>Разрешение менеджера</translation>
    </message>
    <message>
        <source>Payment</source>
        <translation>Оплата</translation>
    </message>
    <message>
        <source>Refund</source>
        <translation>Возврат</translation>
    </message>
    <message>
        <source>Void</source>
        <translation>Аннулирование</translation>
    </message>
    <message>
        <source>Setting</source>
        <translation>Настройка</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>Устройство</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Ключ</translation>
    </message>
    <message>
        <source>Night audit</source>
        <translation>Ночной аудит</translation>
    </message>
    <message>
        <source>Settled by hand</source>
        <translation>Закрыто вручную</translation>
    </message>
    <message>
        <source>wrong password or PIN</source>
        <translation>неверный пароль или PIN</translation>
    </message>
    <message>
        <source>unknown or inactive user</source>
        <translation>неизвестный или отключённый пользователь</translation>
    </message>
    <message>
        <source>locked out after too many attempts</source>
        <translation>заблокирован после слишком многих попыток</translation>
    </message>
    <message>
        <source>Manager&apos;s approval refused: {why}</source>
        <translation>Разрешение менеджера отклонено: {why}</translation>
    </message>
    <message>
        <source>Sign-in refused: {why}</source>
        <translation>Вход отклонён: {why}</translation>
    </message>
    <message>
        <source>Payment {amount} ({method})</source>
        <translation>Оплата {amount} ({method})</translation>
    </message>
    <message>
        <source>Refund {amount} ({method}) of payment {payment}</source>
        <translation>Возврат {amount} ({method}) по оплате {payment}</translation>
    </message>
    <message>
        <source>Void of charge {posting}: {amount}</source>
        <translation>Аннулирование начисления {posting}: {amount}</translation>
    </message>
    <message>
        <source>Void {amount} ({method}) of payment {payment}</source>
        <translation>Аннулирование {amount} ({method}) оплаты {payment}</translation>
    </message>
    <message>
        <source>{user} signed in</source>
        <translation>{user} вошёл(-ла) в систему</translation>
    </message>
    <message>
        <source>{user} locked the desk</source>
        <translation>{user} заблокировал(а) рабочее место</translation>
    </message>
    <message>
        <source>{before} handed the desk to {after}</source>
        <translation>{before} передал(а) рабочее место {after}</translation>
    </message>
    <message>
        <source>{manager} allowed {user} to {actions}</source>
        <translation>{manager} разрешил(а) {user}: {actions}</translation>
    </message>
    <message>
        <source>Card of {holder} not saved ({key}): its answer was lost and {operator} may have kept the card; look it up in {operator}&apos;s Card Manager and delete it there</source>
        <translation>Карта {holder} не сохранена ({key}): ответ потерян, и {operator} мог оставить карту у себя; найдите её в Card Manager {operator} и удалите там</translation>
    </message>
    <message>
        <source>Register document {key} settled by hand as issued, number {number}: {reason}</source>
        <translation>Документ кассы {key} закрыт вручную как выданный, номер {number}: {reason}</translation>
    </message>
    <message>
        <source>Register document {key} settled by hand as not issued: {reason}</source>
        <translation>Документ кассы {key} закрыт вручную как не выданный: {reason}</translation>
    </message>
    <message>
        <source>Night audit of {date}</source>
        <translation>Ночной аудит за {date}</translation>
    </message>
    <message>
        <source>{operation} {key} settled by hand as not done, authorised by {manager}: {reason}</source>
        <translation>{operation} {key} закрыта вручную как не выполненная, разрешил(а) {manager}: {reason}</translation>
    </message>
    <message>
        <source>terminal receipt {number}</source>
        <translation>чек терминала {number}</translation>
    </message>
    <message>
        <source>operator&apos;s reference {reference}</source>
        <translation>номер у оператора {reference}</translation>
    </message>
    <message>
        <source>{operation} {key} settled by hand as done ({shown}), authorised by {manager}: {reason}</source>
        <translation>{operation} {key} закрыта вручную как выполненная ({shown}), разрешил(а) {manager}: {reason}</translation>
    </message>
    <message>
        <source>{operation} {key} settled by hand as done, authorised by {manager}: {reason}</source>
        <translation>{operation} {key} закрыта вручную как выполненная, разрешил(а) {manager}: {reason}</translation>
    </message>
    <message>
        <source>payment {number}</source>
        <translation>оплата {number}</translation>
    </message>
    <message>
        <source>charge {number}</source>
        <translation>начисление {number}</translation>
    </message>
    <message>
        <source>POS key {name}</source>
        <translation>ключ POS {name}</translation>
    </message>
    <message>
        <source>business day {date}</source>
        <translation>рабочий день {date}</translation>
    </message>
    <message>
        <source>user {name}</source>
        <translation>пользователь {name}</translation>
    </message>
    <message>
        <source>register {code}</source>
        <translation>касса {code}</translation>
    </message>
    <message>
        <source>{subject}, reservation {number}</source>
        <translation>{subject}, бронирование {number}</translation>
    </message>
    <message>
        <source>Document e-mailed</source>
        <translation>Документ отправлен по эл. почте</translation>
    </message>
    <message>
        <source>Card maybe kept at operator</source>
        <translation>Карта, возможно, осталась у оператора</translation>
    </message>
    <message>
        <source>Folio</source>
        <translation>Фолио</translation>
    </message>
    <message>
        <source>Bill</source>
        <translation>Счёт</translation>
    </message>
    <message>
        <source>{document} {number} e-mailed to {address} ({language})</source>
        <translation>{document} {number} отправлен на {address} ({language})</translation>
    </message>
    <message>
        <source>Hotel</source>
        <translation>Гостиница</translation>
    </message>
    <message>
        <source>Currency rate</source>
        <translation>Курс валюты</translation>
    </message>
    <message>
        <source>Exchange rate</source>
        <translation>Обменный курс</translation>
    </message>
    <message>
        <source>VAT rate</source>
        <translation>Ставка НДС</translation>
    </message>
    <message>
        <source>Payment method</source>
        <translation>Способ оплаты</translation>
    </message>
    <message>
        <source>Outlet</source>
        <translation>Точка продаж</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Услуга</translation>
    </message>
    <message>
        <source>Room type</source>
        <translation>Тип номера</translation>
    </message>
    <message>
        <source>E-mail settings</source>
        <translation>Настройки эл. почты</translation>
    </message>
    <message>
        <source>POS setting</source>
        <translation>Настройка POS</translation>
    </message>
    <message>
        <source>POS payment code</source>
        <translation>Код оплаты POS</translation>
    </message>
    <message>
        <source>Printer</source>
        <translation>Принтер</translation>
    </message>
    <message>
        <source>Card terminal</source>
        <translation>Карточный терминал</translation>
    </message>
    <message>
        <source>Card operator</source>
        <translation>Эквайер</translation>
    </message>
    <message>
        <source>Cash register</source>
        <translation>Касса</translation>
    </message>
    <message>
        <source>name</source>
        <translation>название</translation>
    </message>
    <message>
        <source>base currency</source>
        <translation>базовая валюта</translation>
    </message>
    <message>
        <source>address</source>
        <translation>адрес</translation>
    </message>
    <message>
        <source>tax number</source>
        <translation>ИНН</translation>
    </message>
    <message>
        <source>country</source>
        <translation>страна</translation>
    </message>
    <message>
        <source>time zone</source>
        <translation>часовой пояс</translation>
    </message>
    <message>
        <source>currency</source>
        <translation>валюта</translation>
    </message>
    <message>
        <source>rate</source>
        <translation>курс</translation>
    </message>
    <message>
        <source>valid from</source>
        <translation>действует с</translation>
    </message>
    <message>
        <source>source</source>
        <translation>источник</translation>
    </message>
    <message>
        <source>code</source>
        <translation>код</translation>
    </message>
    <message>
        <source>percent</source>
        <translation>процент</translation>
    </message>
    <message>
        <source>kind</source>
        <translation>вид</translation>
    </message>
    <message>
        <source>opens the drawer</source>
        <translation>открывает денежный ящик</translation>
    </message>
    <message>
        <source>fiscal</source>
        <translation>фискальный</translation>
    </message>
    <message>
        <source>category</source>
        <translation>категория</translation>
    </message>
    <message>
        <source>price</source>
        <translation>цена</translation>
    </message>
    <message>
        <source>outlet</source>
        <translation>точка продаж</translation>
    </message>
    <message>
        <source>rate per night</source>
        <translation>цена за ночь</translation>
    </message>
    <message>
        <source>beds</source>
        <translation>мест</translation>
    </message>
    <message>
        <source>server</source>
        <translation>сервер</translation>
    </message>
    <message>
        <source>port</source>
        <translation>порт</translation>
    </message>
    <message>
        <source>security</source>
        <translation>защита</translation>
    </message>
    <message>
        <source>user</source>
        <translation>пользователь</translation>
    </message>
    <message>
        <source>sender</source>
        <translation>отправитель</translation>
    </message>
    <message>
        <source>password</source>
        <translation>пароль</translation>
    </message>
    <message>
        <source>key</source>
        <translation>ключ</translation>
    </message>
    <message>
        <source>CA certificate</source>
        <translation>сертификат УЦ</translation>
    </message>
    <message>
        <source>value</source>
        <translation>значение</translation>
    </message>
    <message>
        <source>meaning</source>
        <translation>значение кода</translation>
    </message>
    <message>
        <source>workstation</source>
        <translation>рабочее место</translation>
    </message>
    <message>
        <source>address of the device</source>
        <translation>адрес устройства</translation>
    </message>
    <message>
        <source>profile</source>
        <translation>профиль</translation>
    </message>
    <message>
        <source>paper width</source>
        <translation>ширина бумаги</translation>
    </message>
    <message>
        <source>cash register</source>
        <translation>касса</translation>
    </message>
    <message>
        <source>cash drawer</source>
        <translation>денежный ящик</translation>
    </message>
    <message>
        <source>text as image</source>
        <translation>текст картинкой</translation>
    </message>
    <message>
        <source>own printer</source>
        <translation>свой принтер</translation>
    </message>
    <message>
        <source>merchant&apos;s copy</source>
        <translation>копия продавца</translation>
    </message>
    <message>
        <source>operator</source>
        <translation>оператор</translation>
    </message>
    <message>
        <source>account</source>
        <translation>счёт</translation>
    </message>
    <message>
        <source>service address</source>
        <translation>адрес сервиса</translation>
    </message>
    <message>
        <source>currencies</source>
        <translation>валюты</translation>
    </message>
    <message>
        <source>secret</source>
        <translation>секрет</translation>
    </message>
    <message>
        <source>key prefix</source>
        <translation>префикс ключа</translation>
    </message>
    <message>
        <source>days kept</source>
        <translation>дней хранения</translation>
    </message>
    <message>
        <source>language</source>
        <translation>язык</translation>
    </message>
    <message>
        <source>device</source>
        <translation>устройство</translation>
    </message>
    <message>
        <source>taxation</source>
        <translation>система налогообложения</translation>
    </message>
    <message>
        <source>VAT codes</source>
        <translation>коды НДС</translation>
    </message>
    <message>
        <source>added</source>
        <translation>добавлено</translation>
    </message>
    <message>
        <source>changed</source>
        <translation>изменено</translation>
    </message>
    <message>
        <source>removed</source>
        <translation>удалено</translation>
    </message>
    <message>
        <source>{name} changed</source>
        <translation>изменено: {name}</translation>
    </message>
    <message>
        <source>{what} {key} {state}: {changes}</source>
        <translation>{what} {key} {state}: {changes}</translation>
    </message>
    <message>
        <source>and {count} more</source>
        <translation>и ещё {count}</translation>
    </message>
    <message>
        <source>Invoice</source>
        <translation>Счёт-фактура</translation>
    </message>
</context>
<context>
    <name>AuditTrailDialog</name>
    <message>
        <source>Audit trail</source>
        <translation>Журнал аудита</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Когда</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Вид</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Пользователь</translation>
    </message>
    <message>
        <source>Workstation</source>
        <translation>Рабочее место</translation>
    </message>
    <message>
        <source>Authorised by</source>
        <translation>Разрешил</translation>
    </message>
    <message>
        <source>Touched</source>
        <translation>Объект</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Что сделано</translation>
    </message>
    <message>
        <source>&amp;Open reservation card</source>
        <translation>&amp;Открыть карту бронирования</translation>
    </message>
    <message>
        <source>&amp;From:</source>
        <translation type="vanished">&amp;С:</translation>
    </message>
    <message>
        <source>&amp;To:</source>
        <translation type="vanished">&amp;По:</translation>
    </message>
    <message>
        <source>every kind</source>
        <translation>все виды</translation>
    </message>
    <message>
        <source>folio number</source>
        <translation>номер фолио</translation>
    </message>
    <message>
        <source>&amp;Show</source>
        <translation>&amp;Показать</translation>
    </message>
    <message>
        <source>Kind:</source>
        <translation>Вид:</translation>
    </message>
    <message>
        <source>User:</source>
        <translation>Пользователь:</translation>
    </message>
    <message>
        <source>Workstation:</source>
        <translation>Рабочее место:</translation>
    </message>
    <message>
        <source>Folio:</source>
        <translation>Фолио:</translation>
    </message>
    <message>
        <source>A folio is given by its number, such as 000042.</source>
        <translation>Фолио указывается номером, например 000042.</translation>
    </message>
    <message>
        <source>everyone</source>
        <translation>все пользователи</translation>
    </message>
    <message>
        <source>every workstation</source>
        <translation>все рабочие места</translation>
    </message>
    <message>
        <source>The newest {count} entries; narrow the filters to see older ones.</source>
        <translation>Последние {count} записей; сузьте фильтры, чтобы увидеть более ранние.</translation>
    </message>
    <message>
        <source>Entries: {count}</source>
        <translation>Записей: {count}</translation>
    </message>
    <message>
        <source>Authorised by {user}</source>
        <translation>Разрешил: {user}</translation>
    </message>
</context>
<context>
    <name>BackupDialog</name>
    <message>
        <source>Back up the database</source>
        <translation>Резервная копия базы данных</translation>
    </message>
    <message>
        <source>A backup is the whole database at one moment: every guest, bill and payment. The other workstations may go on working meanwhile. Keep the file safe: only its owner can read it.</source>
        <translation>Резервная копия — вся база данных на один момент: каждый гость, счёт и платёж. Остальные рабочие места могут тем временем продолжать работу. Храните файл надёжно: прочесть его может только владелец.</translation>
    </message>
    <message>
        <source>&amp;File:</source>
        <translation>&amp;Файл:</translation>
    </message>
    <message>
        <source>&amp;Choose…</source>
        <translation>&amp;Выбрать…</translation>
    </message>
    <message>
        <source>To restore a backup, close the desk and the POS service on every workstation, then run on one of them: desk restore FILE</source>
        <translation type="vanished">Чтобы восстановить копию, закройте программу и службу POS на всех рабочих местах, затем выполните на одном из них: desk restore ФАЙЛ</translation>
    </message>
    <message>
        <source>&amp;Back up</source>
        <translation>&amp;Создать копию</translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation>&amp;Отмена</translation>
    </message>
    <message>
        <source>Back up to</source>
        <translation>Сохранить копию в</translation>
    </message>
    <message>
        <source>Desk backups (*.backup)</source>
        <translation>Резервные копии (*.backup)</translation>
    </message>
    <message>
        <source>Backing up to {file}…</source>
        <translation>Создаётся копия в {file}…</translation>
    </message>
    <message>
        <source>Backed up to {file} ({size} KiB).</source>
        <translation>Копия сохранена в {file} ({size} КиБ).</translation>
    </message>
    <message>
        <source>To restore a backup, everyone else signs out and the POS service is stopped; Restore… then checks it first, as “Check a backup” does, and replaces the database. The desk starts again on the restored one.</source>
        <translation>Чтобы восстановить резервную копию, все остальные выходят из программы, а служба POS останавливается; затем «Восстановить…» сначала проверяет копию — так же, как «Проверить копию», — и заменяет базу данных. Программа запускается заново на восстановленной базе.</translation>
    </message>
    <message>
        <source>Chec&amp;k a backup…</source>
        <translation>&amp;Проверить копию…</translation>
    </message>
    <message>
        <source>&amp;Restore…</source>
        <translation>Восс&amp;тановить…</translation>
    </message>
    <message>
        <source>Sc&amp;heduled backups go to:</source>
        <translation>Копии по &amp;расписанию — в папку:</translation>
    </message>
    <message>
        <source>&amp;keeping the newest</source>
        <translation>хранить &amp;последних</translation>
    </message>
    <message>
        <source>&amp;Save schedule</source>
        <translation>Со&amp;хранить расписание</translation>
    </message>
    <message>
        <source>Scheduled backups go to {folder}; the newest {keep} are kept.</source>
        <translation>Копии по расписанию сохраняются в {folder}; хранятся последние {keep}.</translation>
    </message>
    <message>
        <source>Check a backup</source>
        <translation>Проверка резервной копии</translation>
    </message>
    <message>
        <source>Desk backups (*.backup);;All files (*)</source>
        <translation>Резервные копии (*.backup);;Все файлы (*)</translation>
    </message>
    <message>
        <source>Checking {file} in a scratch copy…</source>
        <translation>Проверка {file} во временной копии…</translation>
    </message>
    <message>
        <source>Restore a backup</source>
        <translation>Восстановление из резервной копии</translation>
    </message>
    <message>
        <source>Replace the whole database with {file}? Everything written since it was made is lost. The desk then starts again on the restored database.</source>
        <translation>Заменить всю базу данных копией {file}? Всё, что записано после её создания, будет потеряно. Затем программа запустится заново на восстановленной базе.</translation>
    </message>
    <message>
        <source>{file} is older than the last anchors: restoring it loses what the check above lists. Only a manager may confirm that. Restore it all the same?</source>
        <translation>Копия {file} старше последних якорей: при восстановлении будет потеряно то, что перечислено в проверке выше. Подтвердить это может только менеджер. Всё равно восстановить?</translation>
    </message>
    <message>
        <source>Restoring {file}…</source>
        <translation>Восстановление из {file}…</translation>
    </message>
    <message>
        <source>The database is restored. The desk closes now and starts again on the restored database.</source>
        <translation>База данных восстановлена. Программа сейчас закроется и запустится заново на восстановленной базе.</translation>
    </message>
    <message>
        <source>Schema: {schema}.</source>
        <translation>Схема: {schema}.</translation>
    </message>
    <message>
        <source>Ledger: {postings} postings and {payments} payments on {bills} bills add up.</source>
        <translation>Проводки: {postings} начислений и {payments} платежей по {bills} счетам сходятся.</translation>
    </message>
    <message>
        <source>Ledger chain: {links} postings and payments, each still as it was written.</source>
        <translation>Цепочка проводок: {links} начислений и платежей, каждый в том виде, в каком был записан.</translation>
    </message>
    <message>
        <source>Audit trail: {entries} entries, chain intact, {anchors} anchors held.</source>
        <translation>Журнал аудита: {entries} записей, цепочка цела, якорей подтверждено: {anchors}.</translation>
    </message>
    <message>
        <source>Fiscal journal of register {register}: {documents} documents, chain intact.</source>
        <translation>Фискальный журнал кассы {register}: {documents} документов, цепочка цела.</translation>
    </message>
    <message>
        <source>The trail&apos;s later anchored entries are missing: entries {first} to {last}, anchored by the night audit of {date}. This backup is older than that night audit: restoring it loses them, and a manager must confirm the restore.</source>
        <translation>Более поздних заякоренных записей журнала нет: записи с {first} по {last}, заякоренные ночным аудитом за {date}. Эта копия старше того ночного аудита: восстановление их потеряет, и менеджер должен подтвердить восстановление.</translation>
    </message>
    <message>
        <source>Register {register}: fiscal documents {first} to {last}, anchored by its Z report of {date}, are missing: restoring the backup loses them.</source>
        <translation>Касса {register}: нет фискальных документов с {first} по {last}, заякоренных её Z-отчётом от {date}: восстановление копии их потеряет.</translation>
    </message>
    <message>
        <source>{file} checks out: nothing in it was changed since it was made.</source>
        <translation>{file} проверена: с момента создания в ней ничего не изменено.</translation>
    </message>
    <message>
        <source>{file} was not changed, but it is older than the last anchors.</source>
        <translation>{file} не изменена, но она старше последних якорей.</translation>
    </message>
</context>
<context>
    <name>BillStatus</name>
    <message>
        <source>Empty</source>
        <translation>Пустой</translation>
    </message>
    <message>
        <source>Not paid</source>
        <translation>Не оплачен</translation>
    </message>
    <message>
        <source>Partially paid</source>
        <translation>Частично оплачен</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>Оплачен</translation>
    </message>
    <message>
        <source>Overpaid</source>
        <translation>Переплачен</translation>
    </message>
</context>
<context>
    <name>BillsModel</name>
    <message>
        <source>Number</source>
        <translation>Номер</translation>
    </message>
    <message>
        <source>Payer</source>
        <translation>Плательщик</translation>
    </message>
    <message>
        <source>Services</source>
        <translation>Услуги</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Сумма</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>Оплачено</translation>
    </message>
    <message>
        <source>Balance</source>
        <translation>Остаток</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <source>Empty</source>
        <translation>Пустой</translation>
    </message>
    <message>
        <source>Not paid</source>
        <translation>Не оплачен</translation>
    </message>
    <message>
        <source>Partially paid</source>
        <translation>Частично оплачен</translation>
    </message>
    <message>
        <source>Overpaid</source>
        <translation>Переплачен</translation>
    </message>
    <message>
        <source>Deposit</source>
        <translation>Депозит</translation>
    </message>
    <message>
        <source>Deposit account</source>
        <translation>Депозитный счёт</translation>
    </message>
    <message>
        <source>Held on account</source>
        <translation>На счёте</translation>
    </message>
    <message>
        <source>No services</source>
        <translation>Нет услуг</translation>
    </message>
    <message>
        <source>Click to see the service details</source>
        <translation>Нажмите, чтобы увидеть детали услуг</translation>
    </message>
    <message>
        <source>Money paid in advance, not yet tied to a bill; it pays bills later.</source>
        <translation>Деньги, внесённые заранее и ещё не привязанные к счёту; позже ими оплачиваются счета.</translation>
    </message>
</context>
<context>
    <name>CancelReservationDialog</name>
    <message>
        <source>Cancel reservation {number}</source>
        <translation>Отмена брони {number}</translation>
    </message>
    <message>
        <source>Cancel &amp;reservation</source>
        <translation>Отменить &amp;бронь</translation>
    </message>
    <message>
        <source>The room is free again for these nights. A folio with money on it is settled first.</source>
        <translation>Номер снова свободен на эти ночи. Фолио с деньгами сначала нужно закрыть.</translation>
    </message>
    <message>
        <source>R&amp;eason:</source>
        <translation>При&amp;чина:</translation>
    </message>
</context>
<context>
    <name>CardOperations</name>
    <message>
        <source>Card payment</source>
        <translation>Оплата картой</translation>
    </message>
    <message>
        <source>Refund to card</source>
        <translation>Возврат на карту</translation>
    </message>
    <message>
        <source>Reversal</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <source>Pre-authorisation</source>
        <translation>Предавторизация</translation>
    </message>
    <message>
        <source>Capture</source>
        <translation>Списание</translation>
    </message>
    <message>
        <source>Release</source>
        <translation>Снятие блокировки</translation>
    </message>
    <message>
        <source>not sent</source>
        <translation>не отправлена</translation>
    </message>
    <message>
        <source>sent, no answer</source>
        <translation>отправлена, ответа нет</translation>
    </message>
    <message>
        <source>answer unclear</source>
        <translation>ответ неясен</translation>
    </message>
    <message>
        <source>approved, not yet on the ledger</source>
        <translation>одобрена, ещё не в учёте</translation>
    </message>
    <message>
        <source>waiting for the card operator&apos;s confirmation</source>
        <translation>ожидает подтверждения карточного оператора</translation>
    </message>
    <message>
        <source>{count} settled on the ledger</source>
        <translation type="vanished">{count} проведено в учёте</translation>
    </message>
    <message>
        <source>{count} found not to have happened (nothing charged)</source>
        <translation type="vanished">{count} не состоялось (ничего не списано)</translation>
    </message>
    <message>
        <source>{count} still unclear: the terminal could not be asked</source>
        <translation type="vanished">{count} всё ещё неясно: терминал недоступен</translation>
    </message>
    <message>
        <source>Nothing to resolve.</source>
        <translation>Нечего разрешать.</translation>
    </message>
    <message>
        <source>Card operations: {parts}.</source>
        <translation>Операции по картам: {parts}.</translation>
    </message>
    <message>
        <source>Pending card operations</source>
        <translation>Незавершённые операции по картам</translation>
    </message>
    <message>
        <source>Card operations whose end the terminal never told us (a cut cable, a crash, a late answer). Resolve asks the terminal: each is settled once, or found not to have happened.</source>
        <translation type="vanished">Операции по картам, об исходе которых терминал не сообщил (обрыв кабеля, сбой, поздний ответ). «Разрешить» спрашивает терминал: каждая проводится один раз или признаётся несостоявшейся.</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>Начата</translation>
    </message>
    <message>
        <source>Operation</source>
        <translation>Операция</translation>
    </message>
    <message>
        <source>Terminal</source>
        <translation type="vanished">Терминал</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Сумма</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Состояние</translation>
    </message>
    <message>
        <source>&amp;Resolve</source>
        <translation>&amp;Разрешить</translation>
    </message>
    <message>
        <source>Resolve &amp;all</source>
        <translation>Разрешить &amp;все</translation>
    </message>
    <message>
        <source>Settle by &amp;hand…</source>
        <translation>Закрыть &amp;вручную…</translation>
    </message>
    <message>
        <source>When the terminal cannot tell: a manager settles it from the receipt or the bank.</source>
        <translation type="vanished">Когда терминал не может сказать: менеджер закрывает операцию по чеку или выписке банка.</translation>
    </message>
    <message>
        <source>No card operation is pending.</source>
        <translation>Незавершённых операций по картам нет.</translation>
    </message>
    <message>
        <source>Settled by hand.</source>
        <translation>Закрыто вручную.</translation>
    </message>
    <message>
        <source>Asking the terminal…</source>
        <translation type="vanished">Запрос к терминалу…</translation>
    </message>
    <message>
        <source>Open pre-authorisations</source>
        <translation>Открытые предавторизации</translation>
    </message>
    <message>
        <source>Blocked on</source>
        <translation>Заблокировано</translation>
    </message>
    <message>
        <source>Days</source>
        <translation>Дней</translation>
    </message>
    <message>
        <source>Age (days)</source>
        <translation type="vanished">Возраст (дней)</translation>
    </message>
    <message>
        <source>{count} waiting for the card operator&apos;s confirmation</source>
        <translation type="vanished">{count} ожидают подтверждения карточного оператора</translation>
    </message>
    <message>
        <source>{count} still unclear: the terminal or the card operator could not be asked</source>
        <translation type="vanished">{count} всё ещё неясно: не удалось запросить терминал или карточного оператора</translation>
    </message>
    <message>
        <source>{operator} tells how this ended only by its notification (webhook): no enquiry exists for it. If it does not come, look in {operator}&apos;s Customer Area, Transactions → Payments, at payment {reference} for the modification with merchant reference {key}, then settle it by hand from what it shows.</source>
        <translation>{operator} сообщает, чем это закончилось, только своим уведомлением (webhook): запросить это нельзя. Если уведомление не приходит, найдите в Customer Area {operator} (Transactions → Payments) платёж {reference} и в нём операцию с merchant reference {key}, затем закройте её вручную по тому, что там показано.</translation>
    </message>
    <message>
        <source>Nothing was saved here, but the card may have been kept at {operator}: look it up in {operator}&apos;s Card Manager and delete it there.</source>
        <translation>Здесь ничего не сохранено, но карта могла остаться у {operator}: найдите её в Card Manager {operator} и удалите её там.</translation>
    </message>
    <message numerus="yes">
        <source>%n settled on the ledger</source>
        <translation>
            <numerusform>%n проведена в учёте</numerusform>
            <numerusform>%n проведены в учёте</numerusform>
            <numerusform>%n проведено в учёте</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n found not to have happened (nothing charged)</source>
        <translation>
            <numerusform>%n не состоялась (ничего не списано)</numerusform>
            <numerusform>%n не состоялись (ничего не списано)</numerusform>
            <numerusform>%n не состоялось (ничего не списано)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n waiting for the card operator&apos;s confirmation</source>
        <translation>
            <numerusform>%n ожидает подтверждения карточного оператора</numerusform>
            <numerusform>%n ожидают подтверждения карточного оператора</numerusform>
            <numerusform>%n ожидают подтверждения карточного оператора</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n still unclear: the terminal or the card operator could not be asked</source>
        <translation>
            <numerusform>%n всё ещё неясна: не удалось запросить терминал или карточного оператора</numerusform>
            <numerusform>%n всё ещё неясны: не удалось запросить терминал или карточного оператора</numerusform>
            <numerusform>%n всё ещё неясны: не удалось запросить терминал или карточного оператора</numerusform>
        </translation>
    </message>
    <message>
        <source>Card operations whose end the terminal or the online card operator never told us (a cut cable or connection, a crash, a late answer). Resolve asks the terminal or the operator: each is settled once, or found not to have happened.</source>
        <translation>Операции по картам, об исходе которых терминал или онлайн-оператор карт не сообщил (обрыв кабеля или связи, сбой, поздний ответ). «Разрешить» спрашивает терминал или оператора: каждая проводится один раз или признаётся несостоявшейся.</translation>
    </message>
    <message>
        <source>Terminal or operator</source>
        <translation>Терминал или оператор</translation>
    </message>
    <message>
        <source>When the terminal or the operator cannot tell: a manager settles it from the receipt, the operator&apos;s own records or the bank.</source>
        <translation>Когда терминал или оператор не может сказать: менеджер закрывает операцию по чеку, записям оператора или выписке банка.</translation>
    </message>
    <message>
        <source>Asking the terminal or the operator…</source>
        <translation>Запрос к терминалу или оператору…</translation>
    </message>
    <message>
        <source>Folio</source>
        <translation>Фолио</translation>
    </message>
    <message>
        <source>Card</source>
        <translation>Карта</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Примечание</translation>
    </message>
    <message>
        <source>Over 5 days: the bank may have released it; pre-authorise close to arrival.</source>
        <translation>Старше 5 дней: банк мог уже снять блокировку; делайте предавторизацию ближе к заезду.</translation>
    </message>
    <message>
        <source>over 5 days</source>
        <translation>более 5 дней</translation>
    </message>
    <message>
        <source>{count} open pre-authorisations.</source>
        <translation>Открытых предавторизаций: {count}.</translation>
    </message>
    <message>
        <source>Card terminal end of day</source>
        <translation>Закрытие дня на терминале</translation>
    </message>
    <message>
        <source>Close the batch · {terminal}</source>
        <translation>Закрыть смену терминала · {terminal}</translation>
    </message>
    <message>
        <source>Difference</source>
        <translation>Расхождение</translation>
    </message>
    <message>
        <source>Receipt</source>
        <translation>Чек</translation>
    </message>
    <message>
        <source>Payment</source>
        <translation>Платёж</translation>
    </message>
    <message>
        <source>No card terminal is configured for this workstation.</source>
        <translation>Для этого рабочего места не настроен карточный терминал.</translation>
    </message>
    <message>
        <source>Closing the batch on {terminal}…</source>
        <translation>Закрытие смены на {terminal}…</translation>
    </message>
    <message>
        <source>{terminal}: the terminal booked {terminal_total} in {count} transactions; the ledger has {ledger_total}.</source>
        <translation>{terminal}: терминал провёл {terminal_total} в {count} операциях; в учёте {ledger_total}.</translation>
    </message>
    <message>
        <source>In the ledger, not in the terminal&apos;s batch</source>
        <translation>В учёте, но не в смене терминала</translation>
    </message>
    <message>
        <source>Booked by the terminal, not in the ledger</source>
        <translation>Проведено терминалом, но нет в учёте</translation>
    </message>
    <message>
        <source>Card payment typed in by hand, not on this terminal</source>
        <translation>Оплата картой введена вручную, не через этот терминал</translation>
    </message>
    <message>
        <source>The totals match.</source>
        <translation>Итоги совпадают.</translation>
    </message>
    <message>
        <source>The totals differ by {difference}. This terminal does not list its transactions, so the difference cannot be traced to a payment here: compare with its printed report.</source>
        <translation>Итоги расходятся на {difference}. Этот терминал не перечисляет свои операции, поэтому расхождение нельзя отнести к платежу здесь: сверьте с его печатным отчётом.</translation>
    </message>
    <message>
        <source>The totals differ: see each payment below.</source>
        <translation>Итоги расходятся: см. платежи ниже.</translation>
    </message>
    <message>
        <source>Card operations</source>
        <translation>Операции по картам</translation>
    </message>
    <message>
        <source>Save card</source>
        <translation>Сохранение карты</translation>
    </message>
    <message>
        <source>Saved card charged</source>
        <translation>Списание с сохранённой карты</translation>
    </message>
    <message>
        <source>Pre-authorisation on a saved card</source>
        <translation>Предавторизация по сохранённой карте</translation>
    </message>
    <message>
        <source>Saved card deleted</source>
        <translation>Удаление сохранённой карты</translation>
    </message>
    <message>
        <source>typed on the operator&apos;s page</source>
        <translation>введена на странице оператора</translation>
    </message>
    <message>
        <source>read by the terminal</source>
        <translation>считана терминалом</translation>
    </message>
    <message>
        <source>saved card</source>
        <translation>сохранённая карта</translation>
    </message>
    <message>
        <source>{operation} ({card})</source>
        <translation>{operation} ({card})</translation>
    </message>
</context>
<context>
    <name>CardOperatorsDialog</name>
    <message>
        <source>Card operators</source>
        <translation>Операторы карт</translation>
    </message>
    <message>
        <source>The hotel&apos;s accounts at online card operators: saved cards are charged through them. Keys are saved encrypted and never shown again.</source>
        <translation>Счета гостиницы у онлайн-операторов карт: через них списываются сохранённые карты. Ключи хранятся зашифрованными и больше не показываются.</translation>
    </message>
    <message>
        <source>Se&amp;ttings for:</source>
        <translation>&amp;Настройки для:</translation>
    </message>
    <message>
        <source>Connection</source>
        <translation>Соединение</translation>
    </message>
    <message>
        <source>Asks the operator with the saved account and key; nothing is charged.</source>
        <translation>Запрос к оператору с сохранёнными счётом и ключом; ничего не списывается.</translation>
    </message>
    <message>
        <source>C&amp;heck connection</source>
        <translation>&amp;Проверить соединение</translation>
    </message>
    <message>
        <source>as clerks see it, e.g. Stripe EUR</source>
        <translation>как его видят кассиры, напр. Stripe EUR</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>Н&amp;азвание:</translation>
    </message>
    <message>
        <source>&amp;Operator:</source>
        <translation>&amp;Оператор:</translation>
    </message>
    <message>
        <source>A&amp;ccount:</source>
        <translation>&amp;Счёт:</translation>
    </message>
    <message>
        <source>empty: the operator&apos;s own address</source>
        <translation>пусто: собственный адрес оператора</translation>
    </message>
    <message>
        <source>A&amp;ddress:</source>
        <translation>А&amp;дрес:</translation>
    </message>
    <message>
        <source>C&amp;urrencies:</source>
        <translation>&amp;Валюты:</translation>
    </message>
    <message>
        <source> days after departure</source>
        <translation> дн. после выезда</translation>
    </message>
    <message>
        <source>&amp;Keep saved cards:</source>
        <translation>&amp;Хранить карты:</translation>
    </message>
    <message>
        <source>&amp;Secret key:</source>
        <translation>Сек&amp;ретный ключ:</translation>
    </message>
    <message>
        <source>&amp;Webhook HMAC key:</source>
        <translation>Ключ HMAC &amp;вебхука:</translation>
    </message>
    <message>
        <source>e.g. tmr_FDOt2wlRZEdpd7; empty: none</source>
        <translation>напр. tmr_FDOt2wlRZEdpd7; пусто: нет</translation>
    </message>
    <message>
        <source>&amp;Reader at this workstation:</source>
        <translation>&amp;Считыватель на этом рабочем месте:</translation>
    </message>
    <message>
        <source>The operator&apos;s card reader here: a card presented on it is saved for later charges (Verify and save credit card, Terminal).</source>
        <translation>Считыватель карт оператора на этом месте: приложенная к нему карта сохраняется для последующих списаний (Проверить и сохранить кредитную карту, Терминал).</translation>
    </message>
    <message>
        <source>New operator…</source>
        <translation>Новый оператор…</translation>
    </message>
    <message>
        <source>optional, e.g. acct_1Hotel</source>
        <translation>необязательно, напр. acct_1Hotel</translation>
    </message>
    <message>
        <source>Merchant a&amp;ccount:</source>
        <translation>&amp;Счёт продавца:</translation>
    </message>
    <message>
        <source>e.g. HotelAdlerECOM</source>
        <translation>напр. HotelAdlerECOM</translation>
    </message>
    <message>
        <source>Customer/terminal i&amp;d:</source>
        <translation>&amp;Клиент/терминал:</translation>
    </message>
    <message>
        <source>e.g. 245294/17795278</source>
        <translation>напр. 245294/17795278</translation>
    </message>
    <message>
        <source>Merchant/user i&amp;d:</source>
        <translation>&amp;Продавец/пользователь:</translation>
    </message>
    <message>
        <source>e.g. 0022587/apiuser</source>
        <translation>напр. 0022587/apiuser</translation>
    </message>
    <message>
        <source>&amp;API key:</source>
        <translation>Ключ &amp;API:</translation>
    </message>
    <message>
        <source>&amp;JSON API user:password:</source>
        <translation>Пользователь:пароль &amp;JSON API:</translation>
    </message>
    <message>
        <source>&amp;PIN:</source>
        <translation>&amp;PIN:</translation>
    </message>
    <message>
        <source>set: leave empty to keep it, type a new one to change it</source>
        <translation>задан: оставьте пустым, чтобы сохранить, или введите новый</translation>
    </message>
    <message>
        <source>required</source>
        <translation>обязательно</translation>
    </message>
    <message>
        <source>as Adyen shows it for the webhook (hexadecimal)</source>
        <translation>как его показывает Adyen для вебхука (шестнадцатеричный)</translation>
    </message>
    <message>
        <source>&amp;Terminal (POIID) at this workstation:</source>
        <translation>&amp;Терминал (POIID) на этом рабочем месте:</translation>
    </message>
    <message>
        <source>e.g. V400m-324688179; empty: none</source>
        <translation>например, V400m-324688179; пусто: нет</translation>
    </message>
    <message>
        <source>{name} is saved.</source>
        <translation>«{name}» сохранён.</translation>
    </message>
    <message>
        <source>Asking {operator}…</source>
        <translation>Запрос к {operator}…</translation>
    </message>
    <message>
        <source>Check connection</source>
        <translation>Проверка соединения</translation>
    </message>
    <message>
        <source>{operator} answered: the account and the key are right.</source>
        <translation>{operator} ответил: счёт и ключ верны.</translation>
    </message>
    <message>
        <source>Cancelled: the connection was not checked.</source>
        <translation>Отменено: соединение не проверено.</translation>
    </message>
</context>
<context>
    <name>CardSaveWindow</name>
    <message>
        <source>&amp;Close</source>
        <translation>&amp;Закрыть</translation>
    </message>
    <message>
        <source>Card saved: {brand} {number}, valid to {expiry}.</source>
        <translation>Карта сохранена: {brand} {number}, действует до {expiry}.</translation>
    </message>
</context>
<context>
    <name>CardTerminal</name>
    <message>
        <source>Insert, tap or swipe the card</source>
        <translation>Вставьте, приложите или проведите карту</translation>
    </message>
    <message>
        <source>The guest enters the PIN</source>
        <translation>Гость вводит PIN</translation>
    </message>
    <message>
        <source>Please wait…</source>
        <translation>Подождите…</translation>
    </message>
    <message>
        <source>Waiting for the bank…</source>
        <translation>Ожидание банка…</translation>
    </message>
    <message>
        <source>The guest confirms the amount</source>
        <translation>Гость подтверждает сумму</translation>
    </message>
    <message>
        <source>Remove the card</source>
        <translation>Извлеките карту</translation>
    </message>
    <message>
        <source>Card not accepted</source>
        <translation>Карта не принята</translation>
    </message>
    <message>
        <source>Not accepted</source>
        <translation>Не принято</translation>
    </message>
    <message>
        <source>Declined</source>
        <translation>Отклонено</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>Одобрено</translation>
    </message>
    <message>
        <source>The terminal reports an error</source>
        <translation>Терминал сообщает об ошибке</translation>
    </message>
    <message>
        <source>The guest chooses the card application</source>
        <translation>Гость выбирает приложение карты</translation>
    </message>
    <message>
        <source>The guest chooses the language</source>
        <translation>Гость выбирает язык</translation>
    </message>
    <message>
        <source>Printing the card slip…</source>
        <translation>Печать слипа карты…</translation>
    </message>
    <message>
        <source>Card slip printed.</source>
        <translation>Слип карты напечатан.</translation>
    </message>
    <message>
        <source>This card operation has no slip to print.</source>
        <translation>У этой операции по карте нет слипа для печати.</translation>
    </message>
    <message>
        <source>Card slip</source>
        <translation>Слип карты</translation>
    </message>
</context>
<context>
    <name>CardTerminalDialog</name>
    <message>
        <source>&amp;Apply</source>
        <translation>&amp;Применить</translation>
    </message>
    <message>
        <source>Am&amp;ount:</source>
        <translation>С&amp;умма:</translation>
    </message>
    <message>
        <source>P&amp;rint receipt</source>
        <translation>Пе&amp;чатать чек</translation>
    </message>
    <message>
        <source>&amp;New card…</source>
        <translation>&amp;Новая карта…</translation>
    </message>
    <message>
        <source>The guest types the card on the online operator&apos;s own page; it is saved, then charged or held there.</source>
        <translation>Гость вводит карту на собственной странице онлайн-оператора; карта сохраняется, затем с неё списывается или блокируется сумма.</translation>
    </message>
    <message>
        <source>No card terminal is configured for this workstation (Settings › Card terminals).</source>
        <translation>Для этого рабочего места не настроен карточный терминал (Настройки › Устройства).</translation>
    </message>
    <message>
        <source>Charge {amount} · {terminal}</source>
        <translation>Списать {amount} · {terminal}</translation>
    </message>
    <message>
        <source>Charge · {terminal}</source>
        <translation>Списать · {terminal}</translation>
    </message>
    <message>
        <source>Refund {amount} · {terminal}</source>
        <translation>Вернуть {amount} · {terminal}</translation>
    </message>
    <message>
        <source>Refund · {terminal}</source>
        <translation>Вернуть · {terminal}</translation>
    </message>
    <message>
        <source>Pre-authorise {amount} · {terminal}</source>
        <translation>Заблокировать {amount} · {terminal}</translation>
    </message>
    <message>
        <source>Pre-authorise · {terminal}</source>
        <translation>Заблокировать · {terminal}</translation>
    </message>
    <message>
        <source>Capture {amount} · {terminal}</source>
        <translation>Списать по предавторизации {amount} · {terminal}</translation>
    </message>
    <message>
        <source>Capture · {terminal}</source>
        <translation>Списать по предавторизации · {terminal}</translation>
    </message>
    <message>
        <source>Release the whole hold · {terminal}</source>
        <translation>Снять всю предавторизацию · {terminal}</translation>
    </message>
    <message>
        <source>Only {amount} is captured; the other {rest} of the pre-authorisation is released to the guest&apos;s card at once and cannot be captured later.</source>
        <translation>Списывается только {amount}; остальные {rest} предавторизации сразу возвращаются на карту гостя, и списать их позже будет нельзя.</translation>
    </message>
    <message>
        <source>The whole pre-authorisation is captured; a smaller amount releases the rest to the card.</source>
        <translation>Списывается вся предавторизация; при меньшей сумме остаток вернётся на карту.</translation>
    </message>
    <message>
        <source>C&amp;harge the card directly</source>
        <translation>С&amp;писать с карты напрямую</translation>
    </message>
    <message>
        <source>Card payment</source>
        <translation>Оплата картой</translation>
    </message>
    <message>
        <source>Refund to card</source>
        <translation>Возврат на карту</translation>
    </message>
    <message>
        <source>Pre-authorise card</source>
        <translation>Предавторизация карты</translation>
    </message>
    <message>
        <source>Capture pre-authorisation</source>
        <translation>Списание по предавторизации</translation>
    </message>
    <message>
        <source>Release pre-authorisation</source>
        <translation>Снятие предавторизации</translation>
    </message>
    <message>
        <source>Bill {number} · balance {balance}</source>
        <translation>Счёт {number} · остаток {balance}</translation>
    </message>
    <message>
        <source>Card payment of {amount} · refundable {refundable}</source>
        <translation>Оплата картой {amount} · к возврату до {refundable}</translation>
    </message>
    <message>
        <source>Pre-authorisation of {amount} · {age} days old</source>
        <translation>Предавторизация {amount} · дней: {age}</translation>
    </message>
    <message>
        <source>Balance: {balance}</source>
        <translation>Остаток: {balance}</translation>
    </message>
    <message>
        <source>Connecting to {terminal}…</source>
        <translation>Подключение к {terminal}…</translation>
    </message>
    <message>
        <source>{seconds} s left for the guest</source>
        <translation>У гостя осталось {seconds} с</translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation>&amp;Отмена</translation>
    </message>
    <message>
        <source>Cancelling on the terminal…</source>
        <translation>Отмена на терминале…</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>&amp;Закрыть</translation>
    </message>
    <message>
        <source>The terminal had already approved before the cancel arrived: the payment went through and is on the bill ({reference}).</source>
        <translation>Терминал одобрил операцию до отмены: платёж прошёл и внесён в счёт ({reference}).</translation>
    </message>
    <message>
        <source>Approved ({reference}).</source>
        <translation>Одобрено ({reference}).</translation>
    </message>
    <message>
        <source>The bank has already released this pre-authorisation: nothing can be captured on it. Charge the card directly for the amount instead?</source>
        <translation>Банк уже снял эту предавторизацию: списать по ней ничего нельзя. Списать сумму с карты напрямую?</translation>
    </message>
    <message>
        <source>The card was declined. Nothing was charged.</source>
        <translation>Карта отклонена. Ничего не списано.</translation>
    </message>
    <message>
        <source>The card was declined (code {code:02X}). Nothing was charged.</source>
        <translation>Карта отклонена (код {code:02X}). Ничего не списано.</translation>
    </message>
    <message>
        <source>Cancelled on the terminal. Nothing was charged.</source>
        <translation>Отменено на терминале. Ничего не списано.</translation>
    </message>
    <message>
        <source>The terminal gave up (time out, or the guest pressed Stop). Nothing was charged.</source>
        <translation>Терминал прервал операцию (тайм-аут или гость нажал «Стоп»). Ничего не списано.</translation>
    </message>
    <message>
        <source>The terminal would not take the command (code {code:02X}): it is busy or cannot do this. Nothing was charged.</source>
        <translation>Терминал не принял команду (код {code:02X}): он занят или не может это выполнить. Ничего не списано.</translation>
    </message>
    <message>
        <source>The terminal could not be reached: {error}. Nothing was charged.</source>
        <translation>Терминал недоступен: {error}. Ничего не списано.</translation>
    </message>
    <message>
        <source>The terminal&apos;s operation was reversed. Nothing was charged.</source>
        <translation>Операция терминала отменена. Ничего не списано.</translation>
    </message>
    <message>
        <source>The terminal did not say how this ended. It is listed under Pending card operations, where it is resolved with the terminal.</source>
        <translation>Терминал не сообщил исход. Операция указана в «Незавершённых операциях по картам», где её можно разрешить с терминалом.</translation>
    </message>
</context>
<context>
    <name>CardsWindow</name>
    <message>
        <source>Cards</source>
        <translation>Карточки</translation>
    </message>
</context>
<context>
    <name>CashMoveDialog</name>
    <message>
        <source>Cash out</source>
        <translation>Изъятие наличных</translation>
    </message>
    <message>
        <source>Cash in</source>
        <translation>Внесение наличных</translation>
    </message>
    <message>
        <source>Cash &amp;out</source>
        <translation>&amp;Изъять</translation>
    </message>
    <message>
        <source>Cash &amp;in</source>
        <translation>&amp;Внести</translation>
    </message>
    <message>
        <source>Am&amp;ount:</source>
        <translation>Су&amp;мма:</translation>
    </message>
    <message>
        <source>C&amp;urrency:</source>
        <translation>&amp;Валюта:</translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation>&amp;Причина:</translation>
    </message>
    <message>
        <source>Say why the cash goes in or out.</source>
        <translation>Укажите причину внесения или изъятия.</translation>
    </message>
</context>
<context>
    <name>CatalogueDialog</name>
    <message>
        <source>Services and payments</source>
        <translation>Услуги и оплата</translation>
    </message>
    <message>
        <source>&amp;Services</source>
        <translation>&amp;Услуги</translation>
    </message>
    <message>
        <source>&amp;Outlets</source>
        <translation>&amp;Точки продаж</translation>
    </message>
    <message>
        <source>POS mappin&amp;g</source>
        <translation>Сопоставление &amp;POS</translation>
    </message>
    <message>
        <source>&amp;Payment methods</source>
        <translation>&amp;Способы оплаты</translation>
    </message>
    <message>
        <source>&amp;Currencies</source>
        <translation>&amp;Валюты</translation>
    </message>
    <message>
        <source>Co&amp;mpanies</source>
        <translation>Ко&amp;мпании</translation>
    </message>
    <message>
        <source>Cash &amp;registers</source>
        <translation>&amp;Кассы</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Код</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Название</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>Цена</translation>
    </message>
    <message>
        <source>VAT</source>
        <translation>НДС</translation>
    </message>
    <message>
        <source>&amp;Code:</source>
        <translation>&amp;Код:</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Название:</translation>
    </message>
    <message>
        <source>Name in Russian:</source>
        <translation>Название по-русски:</translation>
    </message>
    <message>
        <source>Name in Bulgarian:</source>
        <translation>Название по-болгарски:</translation>
    </message>
    <message>
        <source>Ca&amp;tegory:</source>
        <translation>Ка&amp;тегория:</translation>
    </message>
    <message>
        <source>&amp;Price:</source>
        <translation>&amp;Цена:</translation>
    </message>
    <message>
        <source>&amp;VAT rate:</source>
        <translation>&amp;Ставка НДС:</translation>
    </message>
    <message>
        <source>&amp;Add service</source>
        <translation>&amp;Добавить услугу</translation>
    </message>
    <message>
        <source>Sa&amp;ve changes</source>
        <translation>Со&amp;хранить изменения</translation>
    </message>
    <message>
        <source>Add &amp;outlet</source>
        <translation>Добавить &amp;точку продаж</translation>
    </message>
    <message>
        <source>item code</source>
        <translation>код блюда</translation>
    </message>
    <message>
        <source>category code</source>
        <translation>код категории</translation>
    </message>
    <message>
        <source>any other line</source>
        <translation>любая другая строка</translation>
    </message>
    <message>
        <source>POS line</source>
        <translation>Строка POS</translation>
    </message>
    <message>
        <source>POS code</source>
        <translation>Код в POS</translation>
    </message>
    <message>
        <source>Posts as service</source>
        <translation>Проводится как услуга</translation>
    </message>
    <message>
        <source>Revenue group</source>
        <translation>Группа выручки</translation>
    </message>
    <message>
        <source>A POS check&apos;s line posts as the service its item code is mapped to, else its category code&apos;s, else the outlet&apos;s service for any other line. A line none of them names still posts, and the revenue report lists its check.</source>
        <translation>Строка чека POS проводится как услуга, сопоставленная коду блюда, иначе коду категории, иначе как услуга точки продаж для любой другой строки. Строка без сопоставления всё равно проводится, а отчёт о выручке показывает её чек.</translation>
    </message>
    <message>
        <source>Ou&amp;tlet:</source>
        <translation>&amp;Точка продаж:</translation>
    </message>
    <message>
        <source>POS &amp;line:</source>
        <translation>&amp;Строка POS:</translation>
    </message>
    <message>
        <source>POS co&amp;de:</source>
        <translation>&amp;Код в POS:</translation>
    </message>
    <message>
        <source>Posts as ser&amp;vice:</source>
        <translation>Проводится как &amp;услуга:</translation>
    </message>
    <message>
        <source>&amp;Map</source>
        <translation>Со&amp;поставить</translation>
    </message>
    <message>
        <source>&amp;Remove mapping</source>
        <translation>&amp;Удалить сопоставление</translation>
    </message>
    <message>
        <source>cash</source>
        <translation>наличные</translation>
    </message>
    <message>
        <source>card</source>
        <translation>карта</translation>
    </message>
    <message>
        <source>bank transfer</source>
        <translation>банковский перевод</translation>
    </message>
    <message>
        <source>deposit</source>
        <translation>депозит</translation>
    </message>
    <message>
        <source>company account</source>
        <translation>счёт компании</translation>
    </message>
    <message>
        <source>other</source>
        <translation>другое</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Вид</translation>
    </message>
    <message>
        <source>Add &amp;method</source>
        <translation>Добавить &amp;способ</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>Валюта</translation>
    </message>
    <message>
        <source>Valid from</source>
        <translation>Действует с</translation>
    </message>
    <message>
        <source>Rate</source>
        <translation>Курс</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Источник</translation>
    </message>
    <message>
        <source>A rate is what one unit of the currency is worth in the hotel&apos;s currency. A payment converts at the rate valid on its date.</source>
        <translation>Курс — сколько стоит одна единица валюты в валюте отеля. Оплата пересчитывается по курсу, действующему на её дату.</translation>
    </message>
    <message>
        <source>Set &amp;rate</source>
        <translation>Задать &amp;курс</translation>
    </message>
    <message>
        <source>&amp;Import the ECB&apos;s file…</source>
        <translation>&amp;Загрузить файл ЕЦБ…</translation>
    </message>
    <message>
        <source>Tax ID</source>
        <translation>ИНН</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Адрес</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>Эл. почта</translation>
    </message>
    <message>
        <source>Credit limit</source>
        <translation>Кредитный лимит</translation>
    </message>
    <message>
        <source>&amp;Tax ID:</source>
        <translation>&amp;ИНН:</translation>
    </message>
    <message>
        <source>&amp;Address:</source>
        <translation>&amp;Адрес:</translation>
    </message>
    <message>
        <source>&amp;E-mail for invoices:</source>
        <translation>&amp;Эл. почта для счетов:</translation>
    </message>
    <message>
        <source>Credit &amp;limit (empty: none):</source>
        <translation>Кредитный &amp;лимит (пусто: без лимита):</translation>
    </message>
    <message>
        <source>Add co&amp;mpany</source>
        <translation>Добавить ко&amp;мпанию</translation>
    </message>
    <message>
        <source>Save c&amp;ompany</source>
        <translation>Сохранить к&amp;омпанию</translation>
    </message>
    <message>
        <source>Prints on</source>
        <translation>Печатает на</translation>
    </message>
    <message>
        <source>Which printer prints a register&apos;s receipts, and the card terminals, are set per workstation in Devices.</source>
        <translation>Какой принтер печатает чеки кассы, и платёжные терминалы настраиваются для каждого рабочего места в окне «Устройства».</translation>
    </message>
    <message>
        <source>Add re&amp;gister</source>
        <translation>Добавить к&amp;ассу</translation>
    </message>
    <message>
        <source>Se&amp;ttings…</source>
        <translation>&amp;Настройки…</translation>
    </message>
    <message>
        <source>&amp;Devices…</source>
        <translation>&amp;Устройства…</translation>
    </message>
    <message>
        <source>accepted at</source>
        <translation>принят по курсу</translation>
    </message>
    <message>
        <source>The ECB&apos;s daily rates</source>
        <translation>Ежедневные курсы ЕЦБ</translation>
    </message>
    <message>
        <source>XML files (*.xml)</source>
        <translation>Файлы XML (*.xml)</translation>
    </message>
    <message>
        <source>Outlet</source>
        <translation>Точка продаж</translation>
    </message>
    <message>
        <source>Sold at &amp;outlet:</source>
        <translation>&amp;Точка продаж:</translation>
    </message>
    <message>
        <source>none</source>
        <translation>нет</translation>
    </message>
</context>
<context>
    <name>CheckInToRoomDialog</name>
    <message>
        <source>Check in to a room</source>
        <translation>Заселение в номер</translation>
    </message>
    <message>
        <source>Check &amp;in</source>
        <translation>&amp;Заселить</translation>
    </message>
    <message>
        <source>Reservation {number}: choose the room the guest gets.</source>
        <translation>Бронь {number}: выберите номер для гостя.</translation>
    </message>
    <message>
        <source>No room is free for this stay.</source>
        <translation>На это проживание нет свободного номера.</translation>
    </message>
</context>
<context>
    <name>CheckOutDialog</name>
    <message>
        <source>Check out</source>
        <translation>Выезд</translation>
    </message>
    <message>
        <source>Check &amp;out</source>
        <translation>&amp;Выезд</translation>
    </message>
    <message>
        <source>{owner} · room {room}</source>
        <translation>{owner} · номер {room}</translation>
    </message>
    <message>
        <source>Bill</source>
        <translation>Счёт</translation>
    </message>
    <message>
        <source>Payer</source>
        <translation>Плательщик</translation>
    </message>
    <message>
        <source>Charges</source>
        <translation>Начисления</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>Оплачено</translation>
    </message>
    <message>
        <source>Balance</source>
        <translation>Остаток</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <source>Settle the open balance</source>
        <translation>Закройте непогашенный остаток</translation>
    </message>
    <message>
        <source>Pay from the &amp;deposit…</source>
        <translation>Оплатить из &amp;депозита…</translation>
    </message>
    <message>
        <source>&amp;Refund the deposit…</source>
        <translation>&amp;Вернуть депозит…</translation>
    </message>
    <message>
        <source>Transfer &amp;bill:</source>
        <translation>Перенести &amp;счёт:</translation>
    </message>
    <message>
        <source>To the &amp;account of:</source>
        <translation>На сч&amp;ёт компании:</translation>
    </message>
    <message>
        <source>&amp;Transfer to the company account</source>
        <translation>&amp;Перенести на счёт компании</translation>
    </message>
    <message>
        <source>&amp;Manager override: check out with the balance open</source>
        <translation>&amp;Разрешение менеджера: выезд с непогашенным остатком</translation>
    </message>
    <message>
        <source>R&amp;eason:</source>
        <translation>При&amp;чина:</translation>
    </message>
    <message>
        <source>Deposit: {amount}</source>
        <translation>Депозит: {amount}</translation>
    </message>
    <message>
        <source>&amp;Pay bill {number}…</source>
        <translation>&amp;Оплатить счёт {number}…</translation>
    </message>
    <message>
        <source>{number} · {payer} · {balance}</source>
        <translation>{number} · {payer} · {balance}</translation>
    </message>
    <message>
        <source>Only a reservation is checked out.</source>
        <translation>Выезд возможен только для бронирования.</translation>
    </message>
    <message>
        <source>Reservation {number} is not in house.</source>
        <translation>Бронирование {number} не заселено.</translation>
    </message>
    <message>
        <source>Every bill is settled and the deposit is empty: the guest can check out.</source>
        <translation>Все счета оплачены, депозит пуст: гость может выехать.</translation>
    </message>
    <message>
        <source>Bill {number} owes {amount}.</source>
        <translation>По счёту {number} долг {amount}.</translation>
    </message>
    <message>
        <source>Bill {number} is overpaid by {amount}: refund it from the card.</source>
        <translation>Счёт {number} переплачен на {amount}: оформите возврат из карточки.</translation>
    </message>
    <message>
        <source>The deposit holds {amount}: use it for a bill.</source>
        <translation>На депозите {amount}: используйте его для оплаты счёта.</translation>
    </message>
    <message>
        <source>The deposit still holds {amount}: refund it.</source>
        <translation>На депозите ещё {amount}: верните его.</translation>
    </message>
    <message>
        <source>The deposit is short by {amount}.</source>
        <translation>Депозита не хватает на {amount}.</translation>
    </message>
    <message>
        <source>Settle it below, or a manager can let the guest leave with the balance open.</source>
        <translation>Погасите остаток ниже, или менеджер может разрешить гостю уехать с непогашенным остатком.</translation>
    </message>
    <message>
        <source>Choose the bill and the company.</source>
        <translation>Выберите счёт и компанию.</translation>
    </message>
    <message>
        <source>Settle the open balance first, or ask a manager to override.</source>
        <translation>Сначала погасите остаток или попросите разрешение менеджера.</translation>
    </message>
    <message>
        <source>Say why the guest leaves with the balance open.</source>
        <translation>Укажите, почему гость уезжает с непогашенным остатком.</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>&amp;Закрыть</translation>
    </message>
    <message>
        <source>{number} is checked out.</source>
        <translation>{number}: выезд оформлен.</translation>
    </message>
    <message>
        <source>The final folio PDF cannot be made yet: the reports module is not installed.</source>
        <translation type="vanished">Итоговое фолио в PDF пока недоступно: модуль отчётов не установлен.</translation>
    </message>
    <message>
        <source>Writing the final folio…</source>
        <translation>Формирование итогового фолио…</translation>
    </message>
    <message>
        <source>The final folio is saved as {path}; no PDF viewer could open it.</source>
        <translation>Итоговое фолио сохранено как {path}; не удалось открыть его программой просмотра PDF.</translation>
    </message>
    <message>
        <source>The final folio PDF could not be written: {error}</source>
        <translation>Не удалось записать итоговое фолио в PDF: {error}</translation>
    </message>
</context>
<context>
    <name>CityTaxDialog</name>
    <message>
        <source>City tax</source>
        <translation>Туристический налог</translation>
    </message>
    <message>
        <source>From</source>
        <translation>С даты</translation>
    </message>
    <message>
        <source>Per guest and night</source>
        <translation>За гостя в сутки</translation>
    </message>
    <message>
        <source>Of the room night</source>
        <translation>От стоимости ночи</translation>
    </message>
    <message>
        <source>Children exempt under</source>
        <translation>Дети освобождены до</translation>
    </message>
    <message>
        <source>Charged as</source>
        <translation>Начисляется как</translation>
    </message>
    <message>
        <source>Set by</source>
        <translation>Кто задал</translation>
    </message>
    <message>
        <source>Set at</source>
        <translation>Когда задан</translation>
    </message>
    <message>
        <source>A new amount from a date on</source>
        <translation>Новая сумма с даты</translation>
    </message>
    <message>
        <source>&amp;Amount per guest and night:</source>
        <translation>&amp;Сумма за гостя в сутки:</translation>
    </message>
    <message>
        <source>&amp;Percentage of the room night:</source>
        <translation>&amp;Процент от стоимости ночи:</translation>
    </message>
    <message>
        <source>no exemption</source>
        <translation>не освобождаются</translation>
    </message>
    <message>
        <source>C&amp;hildren exempt under the age of:</source>
        <translation>&amp;Дети освобождены до возраста:</translation>
    </message>
    <message>
        <source>&amp;Charged as service:</source>
        <translation>&amp;Начислять как услугу:</translation>
    </message>
    <message>
        <source>&amp;From:</source>
        <translation>&amp;С даты:</translation>
    </message>
    <message>
        <source>&amp;Set</source>
        <translation>&amp;Задать</translation>
    </message>
    <message>
        <source>The night audit charges each guest in the house the amount that applies to the night, and the percentage of the room night for the guests it applies to. Children under the age, and guests whose exemption the desk recorded, pay none. A setting is never changed once made: set a new one from a later date (0 and no percentage: no city tax from that date).</source>
        <translation>Ночной аудит начисляет каждому проживающему гостю сумму, действующую на эту ночь, и процент от стоимости ночи за гостей, которые его платят. Дети до указанного возраста и гости, чьё освобождение записано на стойке, не платят. Установленное значение не меняется: задайте новое с более поздней даты (0 и без процента — с этой даты туристического налога нет).</translation>
    </message>
    <message>
        <source>The night audit charges each guest in the house the amount that applies to the night. An amount is never changed once set: set a new one from a later date (0: no city tax from that date).</source>
        <translation type="vanished">Ночной аудит начисляет каждому проживающему гостю сумму, действующую в эту ночь. Заданная сумма не меняется: задайте новую с более поздней даты (0 — без налога с этой даты).</translation>
    </message>
    <message>
        <source>none</source>
        <translation>нет</translation>
    </message>
</context>
<context>
    <name>CloseShiftDialog</name>
    <message>
        <source>Close shift</source>
        <translation>Закрытие смены</translation>
    </message>
    <message>
        <source>&amp;Close shift</source>
        <translation>&amp;Закрыть смену</translation>
    </message>
    <message>
        <source>Shift {number}, opened by {name}</source>
        <translation>Смена {number}, открыл(а) {name}</translation>
    </message>
    <message>
        <source>Count every note and coin in the drawer. What the drawer should hold is shown only after the count is recorded.</source>
        <translation>Пересчитайте все купюры и монеты в кассе. Сколько должно быть в кассе, будет показано только после записи пересчёта.</translation>
    </message>
    <message>
        <source>Note or coin</source>
        <translation>Купюра или монета</translation>
    </message>
    <message>
        <source>Pieces</source>
        <translation>Штук</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Сумма</translation>
    </message>
    <message>
        <source>Counted: {amount}</source>
        <translation>Насчитано: {amount}</translation>
    </message>
    <message>
        <source>Z report</source>
        <translation>Z-отчёт</translation>
    </message>
    <message>
        <source>The register prints the Z report. Cancel stops waiting for it: the register still finishes it, you are told how it ended, and a Z report whose paper is unsure waits in Shift → Check receipts.</source>
        <translation>Касса печатает Z-отчёт. «Отмена» прекращает ожидание: касса всё равно допечатает его, вам сообщат, чем закончилась печать, а Z-отчёт, напечатанный ненадёжно, будет ждать в «Смена → Проверить чеки».</translation>
    </message>
    <message>
        <source>The register is still printing the Z report; the shift is closed. You are told how the Z report ended when the register answers; if its paper is unsure, it waits in Shift → Check receipts to be printed again.</source>
        <translation>Касса ещё печатает Z-отчёт; смена закрыта. Когда касса ответит, вам сообщат, чем закончилась печать Z-отчёта; если он мог напечататься не полностью, он будет ждать повторной печати в «Смена → Проверить чеки».</translation>
    </message>
    <message>
        <source>The register&apos;s Z report: {problems}</source>
        <translation>Z-отчёт кассы: {problems}</translation>
    </message>
    <message>
        <source>The register printed the Z report.</source>
        <translation>Касса напечатала Z-отчёт.</translation>
    </message>
</context>
<context>
    <name>CompanyInvoiceDialog</name>
    <message>
        <source>New invoice for a company</source>
        <translation>Новый счёт-фактура для компании</translation>
    </message>
    <message>
        <source>&amp;Company:</source>
        <translation>&amp;Компания:</translation>
    </message>
    <message>
        <source>Bills to put on the invoice:</source>
        <translation>Счета, которые войдут в счёт-фактуру:</translation>
    </message>
    <message>
        <source>&amp;Issue invoice</source>
        <translation>&amp;Выставить счёт-фактуру</translation>
    </message>
    <message>
        <source>Bill {number} · {payer} · {amount}</source>
        <translation>Счёт {number} · {payer} · {amount}</translation>
    </message>
    <message>
        <source>The company has no bill left to invoice.</source>
        <translation>У компании не осталось счетов для выставления счёта-фактуры.</translation>
    </message>
    <message>
        <source>Tick the bills to invoice.</source>
        <translation>Отметьте счета для счёта-фактуры.</translation>
    </message>
    <message>
        <source>{count} bills ticked, total {amount}</source>
        <translation>Отмечено счетов: {count}, итого {amount}</translation>
    </message>
</context>
<context>
    <name>CreditLimitDialog</name>
    <message>
        <source>Credit limit · {number}</source>
        <translation>Кредитный лимит · {number}</translation>
    </message>
    <message>
        <source>&amp;Set limit</source>
        <translation>&amp;Установить лимит</translation>
    </message>
    <message>
        <source>&amp;Limit ({currency}):</source>
        <translation>&amp;Лимит ({currency}):</translation>
    </message>
    <message>
        <source>The most the guest may owe, less the deposit held, before the card and Open balances show it exceeded. Leave it empty for no limit.</source>
        <translation>Сколько гость может быть должен (за вычетом депозита), прежде чем карточка и отчёт «Открытые остатки» покажут превышение. Оставьте пустым — без лимита.</translation>
    </message>
</context>
<context>
    <name>CreditNoteDialog</name>
    <message>
        <source>Credit note to invoice {number}</source>
        <translation>Кредит-нота к счёту-фактуре {number}</translation>
    </message>
    <message>
        <source>Buyer:</source>
        <translation>Покупатель:</translation>
    </message>
    <message>
        <source>Left to credit:</source>
        <translation>Можно сторнировать ещё:</translation>
    </message>
    <message>
        <source>empty: all that is left</source>
        <translation>пусто: всё, что осталось</translation>
    </message>
    <message>
        <source>&amp;Amount:</source>
        <translation>&amp;Сумма:</translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation>&amp;Основание:</translation>
    </message>
    <message>
        <source>&amp;Issue credit note</source>
        <translation>&amp;Оформить кредит-ноту</translation>
    </message>
    <message>
        <source>Type an amount such as 25.00, or leave it empty</source>
        <translation>Введите сумму, например 25,00, или оставьте пустым</translation>
    </message>
</context>
<context>
    <name>DateRange</name>
    <message>
        <source>&amp;From:</source>
        <translation>&amp;С:</translation>
    </message>
    <message>
        <source>&amp;To:</source>
        <translation>&amp;По:</translation>
    </message>
</context>
<context>
    <name>DefaultCreditLimitDialog</name>
    <message>
        <source>Default credit limit</source>
        <translation>Кредитный лимит по умолчанию</translation>
    </message>
    <message>
        <source>&amp;Set limit</source>
        <translation type="vanished">&amp;Установить лимит</translation>
    </message>
    <message>
        <source>&amp;Limit ({currency}):</source>
        <translation type="vanished">&amp;Лимит ({currency}):</translation>
    </message>
    <message>
        <source>Each new reservation gets this credit limit; a manager may change it on the card. Reservations made before keep theirs. Leave it empty for no limit.</source>
        <translation>Каждая новая бронь получает этот кредитный лимит; менеджер может изменить его в карточке. Брони, сделанные раньше, сохраняют свой. Оставьте пустым, чтобы лимита не было.</translation>
    </message>
</context>
<context>
    <name>DepositDialog</name>
    <message>
        <source>Deposit</source>
        <translation>Депозит</translation>
    </message>
    <message>
        <source>&amp;Take deposit</source>
        <translation>&amp;Внести депозит</translation>
    </message>
    <message>
        <source>The deposit holds {amount}</source>
        <translation>На депозите {amount}</translation>
    </message>
    <message>
        <source>Take &amp;deposit</source>
        <translation>Внести &amp;депозит</translation>
    </message>
    <message>
        <source>Pay a bill &amp;from the deposit</source>
        <translation>Оплатить счёт &amp;из депозита</translation>
    </message>
    <message>
        <source>&amp;Method:</source>
        <translation>&amp;Способ оплаты:</translation>
    </message>
    <message>
        <source>&amp;Payer:</source>
        <translation>&amp;Плательщик:</translation>
    </message>
    <message>
        <source>Reference, e.g. the bank transfer&apos;s number</source>
        <translation>Ссылка, например номер банковского перевода</translation>
    </message>
    <message>
        <source>Te&amp;xt:</source>
        <translation>Те&amp;кст:</translation>
    </message>
    <message>
        <source>P&amp;rint receipt</source>
        <translation>Пе&amp;чатать чек</translation>
    </message>
    <message>
        <source>&amp;Bill:</source>
        <translation>&amp;Счёт:</translation>
    </message>
    <message>
        <source>Am&amp;ount ({currency}):</source>
        <translation>С&amp;умма ({currency}):</translation>
    </message>
    <message>
        <source>No bill is waiting for payment.</source>
        <translation>Нет счетов, ожидающих оплаты.</translation>
    </message>
    <message>
        <source>At most {maximum}: the deposit holds {deposit}, the bill owes {owed}.</source>
        <translation>Не более {maximum}: на депозите {deposit}, долг по счёту {owed}.</translation>
    </message>
    <message>
        <source>&amp;Pay bill</source>
        <translation>&amp;Оплатить счёт</translation>
    </message>
    <message>
        <source>Choose how the guest pays.</source>
        <translation>Выберите способ оплаты.</translation>
    </message>
    <message>
        <source>The deposit is empty.</source>
        <translation>Депозит пуст.</translation>
    </message>
    <message>
        <source>At most {amount} can be paid from the deposit.</source>
        <translation>Из депозита можно оплатить не более {amount}.</translation>
    </message>
</context>
<context>
    <name>DeskError</name>
    <message>
        <source>A PIN is 4 to 8 digits</source>
        <translation>ПИН-код — от 4 до 8 цифр</translation>
    </message>
    <message>
        <source>A POS name is 1-24 letters, digits, &apos;.&apos;, &apos;_&apos; or &apos;-&apos;</source>
        <translation>Имя POS — от 1 до 24 букв, цифр, «.», «_» или «-»</translation>
    </message>
    <message>
        <source>A bill needs a payer</source>
        <translation>У счёта должен быть плательщик</translation>
    </message>
    <message>
        <source>A card operation on this is still pending: resolve it first</source>
        <translation>Операция по карте с этим ещё не завершена (ожидает ответа): сначала урегулируйте её</translation>
    </message>
    <message>
        <source>A card payment on this bill is still unresolved: settle it in Pending card operations first</source>
        <translation type="vanished">Оплата картой по этому счёту ещё не завершена: сначала урегулируйте её в разделе «Незавершённые операции по картам»</translation>
    </message>
    <message>
        <source>A card payment on this bill is still unresolved: settle it in Pending card operations on {workstation} first</source>
        <translation>Оплата картой по этому счёту ещё не завершена: сначала урегулируйте её в разделе «Незавершённые операции по картам» на рабочем месте {workstation}</translation>
    </message>
    <message>
        <source>A check charged to a room must be more than zero</source>
        <translation>Чек, списываемый на номер, должен быть больше нуля</translation>
    </message>
    <message>
        <source>A check needs an id and a number of at most 40 characters</source>
        <translation>У чека должны быть идентификатор и номер не длиннее 40 символов</translation>
    </message>
    <message>
        <source>A check needs at least one line</source>
        <translation>В чеке должна быть хотя бы одна строка</translation>
    </message>
    <message>
        <source>A checked-out stay left by the business date {date}</source>
        <translation>Выехавший гость должен был выехать не позже рабочей даты {date}</translation>
    </message>
    <message>
        <source>A deposit is refunded to the payer</source>
        <translation>Депозит возвращается плательщику</translation>
    </message>
    <message>
        <source>A document cannot be issued in the future</source>
        <translation>Документ не может быть выдан в будущем</translation>
    </message>
    <message>
        <source>A document needs its number</source>
        <translation>Укажите номер документа</translation>
    </message>
    <message>
        <source>A document number has at most {limit} characters</source>
        <translation>Номер документа — не более {limit} символов</translation>
    </message>
    <message>
        <source>A guest in house arrived by the business date {date} and leaves on it or later</source>
        <translation>Проживающий гость заехал не позже рабочей даты {date} и выезжает в эту дату или позже</translation>
    </message>
    <message>
        <source>A guest in house needs a room: give its number in room</source>
        <translation>Проживающему гостю нужен номер: укажите его в столбце room</translation>
    </message>
    <message>
        <source>A guest needs a name</source>
        <translation>У гостя должно быть имя</translation>
    </message>
    <message>
        <source>A journal intent needs a kind and a device</source>
        <translation>Для записи в журнале нужны вид операции и устройство</translation>
    </message>
    <message>
        <source>A ledger amount is in {currency}, not the hotel&apos;s {base}</source>
        <translation>Сумма в журнале указана в {currency}, а не в валюте отеля {base}</translation>
    </message>
    <message>
        <source>A login sends the password: choose STARTTLS or TLS, or clear the user</source>
        <translation>Вход передаёт пароль: выберите STARTTLS или TLS либо очистите поле пользователя</translation>
    </message>
    <message>
        <source>A mail password may hold only Latin letters, digits and signs</source>
        <translation>Пароль почты может содержать только латинские буквы, цифры и знаки</translation>
    </message>
    <message>
        <source>A mail server needs a host name</source>
        <translation>Для почтового сервера нужно имя хоста</translation>
    </message>
    <message>
        <source>A manager signs in with the password, not a PIN</source>
        <translation>Менеджер входит по паролю, а не по PIN-коду</translation>
    </message>
    <message>
        <source>A name has at most {limit} characters</source>
        <translation>Название — не более {limit} символов</translation>
    </message>
    <message>
        <source>A network terminal&apos;s address is tcp://host:port</source>
        <translation>Адрес сетевого терминала: tcp://хост:порт</translation>
    </message>
    <message>
        <source>A no-show was due by the business date {date}</source>
        <translation>Неявившийся гость должен был заехать не позже рабочей даты {date}</translation>
    </message>
    <message>
        <source>A payment code is 1-16 characters</source>
        <translation>Код оплаты — от 1 до 16 символов</translation>
    </message>
    <message>
        <source>A payment code means one of: {values}</source>
        <translation>Код оплаты означает одно из: {values}</translation>
    </message>
    <message>
        <source>A payment made on the card terminal is given back on the terminal: refund it to the card, or record that it was refunded outside the desk</source>
        <translation>Оплата, принятая на карточном терминале, возвращается на терминале: верните её на карту или отметьте, что деньги возвращены вне кассы</translation>
    </message>
    <message>
        <source>A phone number starts with + and the country code, e.g. +359 88 123 4567</source>
        <translation>Номер телефона начинается с + и кода страны, например +359 88 123 4567</translation>
    </message>
    <message>
        <source>A port is a number from 1 to 65535</source>
        <translation>Порт — число от 1 до 65535</translation>
    </message>
    <message>
        <source>A pre-authorisation on this folio is still unresolved: settle it in Pending card operations first</source>
        <translation>Предавторизация по этому фолио ещё не завершена: сначала урегулируйте её в разделе «Незавершённые операции по картам»</translation>
    </message>
    <message>
        <source>A price cannot be negative: reverse the service instead</source>
        <translation>Цена не может быть отрицательной: лучше сторнируйте услугу</translation>
    </message>
    <message>
        <source>A printer address is at most 160 characters</source>
        <translation>Адрес принтера — не длиннее 160 символов</translation>
    </message>
    <message>
        <source>A printer needs a name of at most 80 characters</source>
        <translation>Принтеру нужно имя длиной до 80 символов</translation>
    </message>
    <message>
        <source>A refund into the deposit is undone by applying the deposit</source>
        <translation>Возврат на депозит отменяется зачётом депозита</translation>
    </message>
    <message>
        <source>A register&apos;s address has no login or password in it: they stay in the workstation&apos;s KKMSERVER_LOGIN and KKMSERVER_PASSWORD, never in the database</source>
        <translation>В адресе кассы нет логина и пароля: они хранятся в KKMSERVER_LOGIN и KKMSERVER_PASSWORD рабочего места, никогда в базе данных</translation>
    </message>
    <message>
        <source>A reservation needs at least one guest</source>
        <translation>В брони должен быть хотя бы один гость</translation>
    </message>
    <message>
        <source>A reservation&apos;s status is confirmed, in_house, checked_out, no_show or cancelled, not “{value}”</source>
        <translation>Статус бронирования — confirmed, in_house, checked_out, no_show или cancelled, а не «{value}»</translation>
    </message>
    <message>
        <source>A reversal cannot itself be reversed</source>
        <translation>Сторно нельзя сторнировать</translation>
    </message>
    <message>
        <source>A room has between 1 and {limit} beds</source>
        <translation>В номере от 1 до {limit} кроватей</translation>
    </message>
    <message>
        <source>A room number has 1 to {limit} characters</source>
        <translation>Номер комнаты — от 1 до {limit} символов</translation>
    </message>
    <message>
        <source>A room type needs a name</source>
        <translation>Укажите название типа номера</translation>
    </message>
    <message>
        <source>A room type&apos;s code has 1 to {limit} characters</source>
        <translation>Код типа номера — от 1 до {limit} символов</translation>
    </message>
    <message>
        <source>A service needs a description</source>
        <translation>У услуги должно быть описание</translation>
    </message>
    <message>
        <source>A shift was opened on {workstation} at the same moment</source>
        <translation>В тот же момент на {workstation} уже открыли смену</translation>
    </message>
    <message>
        <source>A stay is at most {limit} nights</source>
        <translation>Проживание — не более {limit} ночей</translation>
    </message>
    <message>
        <source>A terminal belongs to a workstation</source>
        <translation>Терминал принадлежит рабочему месту</translation>
    </message>
    <message>
        <source>A terminal is reached by tcp://host:20007 or serial:///dev/ttyACM0</source>
        <translation>Терминал подключается по tcp://хост:20007 или serial:///dev/ttyACM0</translation>
    </message>
    <message>
        <source>A terminal needs a name</source>
        <translation>Укажите название терминала</translation>
    </message>
    <message>
        <source>A terminal&apos;s password is six digits</source>
        <translation>Пароль терминала — шесть цифр</translation>
    </message>
    <message>
        <source>A tip cannot be negative</source>
        <translation type="vanished">Чаевые не могут быть отрицательными</translation>
    </message>
    <message>
        <source>A user name is at most {n} characters</source>
        <translation>Имя пользователя — не длиннее {n} символов</translation>
    </message>
    <message>
        <source>A voided payment cannot be refunded</source>
        <translation>Аннулированную оплату нельзя вернуть</translation>
    </message>
    <message>
        <source>A walk-in arrives on the business date {date}</source>
        <translation>Гость без брони заезжает в рабочую дату {date}</translation>
    </message>
    <message>
        <source>A walk-in client needs a name</source>
        <translation>У гостя без брони должно быть имя</translation>
    </message>
    <message>
        <source>A workstation name is 1 to 40 characters</source>
        <translation>Имя рабочего места — от 1 до 40 символов</translation>
    </message>
    <message>
        <source>A {kind} register takes the VAT codes {codes}, not {wrong}</source>
        <translation>Касса типа {kind} принимает коды НДС {codes}, а не {wrong}</translation>
    </message>
    <message>
        <source>A {role} may not {action}: a manager must authorise it</source>
        <translation>Роль «{role}» не позволяет {action}: нужно разрешение менеджера</translation>
    </message>
    <message>
        <source>An exemption&apos;s reason is at most {limit} characters</source>
        <translation>Причина освобождения — не длиннее {limit} символов</translation>
    </message>
    <message>
        <source>An external id is 1-{limit} characters</source>
        <translation>Внешний идентификатор — от 1 до {limit} символов</translation>
    </message>
    <message>
        <source>An external id is at most {limit} characters</source>
        <translation>Внешний идентификатор — не длиннее {limit} символов</translation>
    </message>
    <message>
        <source>An item&apos;s name is too long: at most {limit} characters</source>
        <translation>Название позиции слишком длинное: не более {limit} символов</translation>
    </message>
    <message>
        <source>Another desk was changing the same bill at the same moment, so nothing was done. Look at the bill again and repeat the operation if it is still needed.</source>
        <translation>Другое рабочее место в тот же момент изменяло этот же счёт, поэтому ничего не сделано. Посмотрите счёт ещё раз и повторите операцию, если она всё ещё нужна.</translation>
    </message>
    <message>
        <source>Arrival cannot be before the business date {date}</source>
        <translation>Заезд не может быть раньше рабочей даты {date}</translation>
    </message>
    <message>
        <source>Ask for between 1 and {limit} results</source>
        <translation>Запросите от 1 до {limit} результатов</translation>
    </message>
    <message>
        <source>At most {amount} is blocked</source>
        <translation>Заблокировано не более {amount}</translation>
    </message>
    <message>
        <source>At most {amount} of this payment can be refunded</source>
        <translation>Из этой оплаты можно вернуть не больше {amount}</translation>
    </message>
    <message>
        <source>Bill {bill} has nothing to transfer</source>
        <translation>По счёту {bill} нечего переносить</translation>
    </message>
    <message>
        <source>Bill {bill} has {paid} paid on it: moving {amount} of services off it would leave it overpaid and the other bill owing. Refund or void its payment first</source>
        <translation>По счёту {bill} оплачено {paid}: перенос услуг на {amount} оставил бы его переплаченным, а другой счёт — с долгом. Сначала верните или аннулируйте его оплату</translation>
    </message>
    <message>
        <source>Bill {bill} is not on this folio</source>
        <translation>Счёта {bill} нет в этом фолио</translation>
    </message>
    <message>
        <source>Bill {bill} of {stay} is paid and the stay checked out: the desk must refund {amount} to the guest, then cancel the check</source>
        <translation>Счёт {bill} брони {stay} оплачен, гость выехал: на стойке нужно вернуть гостю {amount}, затем отменить чек</translation>
    </message>
    <message>
        <source>Bill {bill} owes only {balance}</source>
        <translation>По счёту {bill} к оплате только {balance}</translation>
    </message>
    <message>
        <source>Bill {bill} owes {owed}: {amount} would leave it overpaid by {overpaid}</source>
        <translation>Долг по счёту {bill} — {owed}: при оплате {amount} переплата составит {overpaid}</translation>
    </message>
    <message>
        <source>Bill {key} does not exist</source>
        <translation>Счёта {key} не существует</translation>
    </message>
    <message>
        <source>Business day {date} has not begun yet (today is {today}): it is closed once it has</source>
        <translation>Операционный день {date} ещё не начался (сегодня {today}): его закрывают, когда он начнётся</translation>
    </message>
    <message>
        <source>Cannot combine {left} with {right}</source>
        <translation>Нельзя сложить {left} и {right}</translation>
    </message>
    <message>
        <source>Charge a check to one guest only</source>
        <translation>Чек списывается только на одного гостя</translation>
    </message>
    <message>
        <source>Check {check_id} was already posted with a different content</source>
        <translation>Чек {check_id} уже проведён с другим содержимым</translation>
    </message>
    <message>
        <source>Check {check_id} was never charged to a room by POS {pos_name}</source>
        <translation>Чек {check_id} не списывался на номер с POS {pos_name}</translation>
    </message>
    <message>
        <source>Children are exempt under an age from 1 to {limit}</source>
        <translation>Возраст освобождения детей — от 1 до {limit} лет</translation>
    </message>
    <message>
        <source>Choose a room type or a room</source>
        <translation>Выберите тип номера или номер</translation>
    </message>
    <message>
        <source>Choose the bill to pay</source>
        <translation>Выберите счёт для оплаты</translation>
    </message>
    <message>
        <source>Choose the card payment to refund</source>
        <translation>Выберите карточный платёж для возврата</translation>
    </message>
    <message>
        <source>Choose the folio to pre-authorise for</source>
        <translation>Выберите фолио для преавторизации</translation>
    </message>
    <message>
        <source>Choose the pre-authorisation</source>
        <translation>Выберите преавторизацию</translation>
    </message>
    <message>
        <source>Choose the services to move</source>
        <translation>Выберите услуги для переноса</translation>
    </message>
    <message>
        <source>Company {key} does not exist</source>
        <translation>Компании {key} не существует</translation>
    </message>
    <message>
        <source>Count {currency} {denomination} in whole pieces</source>
        <translation>Считайте {currency} {denomination} целыми штуками</translation>
    </message>
    <message>
        <source>Departure cannot be before the business date {date}</source>
        <translation>Выезд не может быть раньше рабочей даты {date}</translation>
    </message>
    <message>
        <source>Departure must be after arrival</source>
        <translation>Выезд должен быть позже заезда</translation>
    </message>
    <message>
        <source>Deposits are applied in {currency}</source>
        <translation>Депозит зачитается в {currency}</translation>
    </message>
    <message>
        <source>Document {number} of register {register} was not signed with the key file {path}: either the file is another register&apos;s or workstation&apos;s, or the document was changed in the database. Nothing was printed; run “desk fiscal verify” and call the manager</source>
        <translation>Документ {number} кассы {register} подписан не ключом из файла {path}: либо это файл другой кассы или рабочего места, либо документ изменён в базе данных. Ничего не напечатано; выполните «desk fiscal verify» и позовите менеджера</translation>
    </message>
    <message>
        <source>Document {number} of {register} is already on another receipt</source>
        <translation>Документ {number} кассы {register} уже записан к другому чеку</translation>
    </message>
    <message>
        <source>Enter the Adyen merchant account</source>
        <translation>Введите торговый счёт Adyen (merchant account)</translation>
    </message>
    <message>
        <source>Enter the HMAC key of the Adyen webhook, as Adyen shows it (hexadecimal)</source>
        <translation>Введите HMAC-ключ вебхука Adyen так, как его показывает Adyen (шестнадцатеричный)</translation>
    </message>
    <message>
        <source>Enter the amount</source>
        <translation>Введите сумму</translation>
    </message>
    <message>
        <source>Enter the receipt number the terminal printed</source>
        <translation>Введите номер чека, напечатанного терминалом</translation>
    </message>
    <message>
        <source>ErpNet.FP at {address} has no printer “{printer}”: a manager sets the register&apos;s device id to one of its printers</source>
        <translation>В ErpNet.FP по адресу {address} нет принтера «{printer}»: менеджер указывает в настройках кассы один из его принтеров</translation>
    </message>
    <message>
        <source>Event {key} does not exist</source>
        <translation>Мероприятия {key} не существует</translation>
    </message>
    <message>
        <source>Every line needs an item name</source>
        <translation>У каждой строки должно быть название блюда</translation>
    </message>
    <message>
        <source>Fiscal documents can be in {languages}; “{language}” is not one of them</source>
        <translation>Фискальные документы могут быть на языках {languages}; «{language}» не из их числа</translation>
    </message>
    <message>
        <source>Folio {folio} does not exist</source>
        <translation>Фолио {folio} не существует</translation>
    </message>
    <message>
        <source>Folio {key} does not exist</source>
        <translation>Фолио {key} не существует</translation>
    </message>
    <message>
        <source>Give the rate per night</source>
        <translation>Укажите цену за ночь</translation>
    </message>
    <message>
        <source>Guest {guest} does not stay in {stay}</source>
        <translation>Гость {guest} не проживает по брони {stay}</translation>
    </message>
    <message>
        <source>Guest {guest} is not known: give their name in guests</source>
        <translation>Гость {guest} неизвестен: укажите его имя в столбце guests</translation>
    </message>
    <message>
        <source>Guest {key} does not exist</source>
        <translation>Гостя {key} не существует</translation>
    </message>
    <message>
        <source>Idempotency-Key {key} was already used with a different request</source>
        <translation>Idempotency-Key {key} уже использован с другим запросом</translation>
    </message>
    <message>
        <source>KKM-server at {address} refused this workstation&apos;s login: set KKMSERVER_LOGIN and KKMSERVER_PASSWORD in the desk&apos;s environment to the login and password of KKM-server&apos;s settings</source>
        <translation>KKM-server по адресу {address} не принял вход с этого рабочего места: задайте KKMSERVER_LOGIN и KKMSERVER_PASSWORD в окружении программы — логин и пароль из настроек KKM-server</translation>
    </message>
    <message>
        <source>Move an in-house guest to another room with Move room</source>
        <translation>Проживающего гостя переселяют командой «Переселить в другой номер»</translation>
    </message>
    <message>
        <source>Names are kept in {languages} only</source>
        <translation>Названия хранятся только на языках: {languages}</translation>
    </message>
    <message>
        <source>No POS key was sent: send the key this POS was given by the hotel</source>
        <translation>Ключ POS не передан: передайте ключ, выданный отелем этому POS</translation>
    </message>
    <message>
        <source>No card operator with its own card page is set up: take the card on the terminal</source>
        <translation>Не настроен ни один эквайер со своей страницей ввода карты: примите карту на терминале</translation>
    </message>
    <message>
        <source>No cash drawer is configured on {workstation}</source>
        <translation>На рабочем месте {workstation} денежный ящик не настроен</translation>
    </message>
    <message>
        <source>No cash register is configured</source>
        <translation>Касса не настроена</translation>
    </message>
    <message>
        <source>No cash shift is open on {workstation}</source>
        <translation>На {workstation} нет открытой кассовой смены</translation>
    </message>
    <message>
        <source>No cash shift is open on {workstation}: open one first (Shift → Open shift)</source>
        <translation>На {workstation} нет открытой кассовой смены: сначала откройте её (Смена → Открыть смену)</translation>
    </message>
    <message>
        <source>No company-account payment method is configured</source>
        <translation>Не настроен способ оплаты «счёт компании»</translation>
    </message>
    <message>
        <source>No mail server named {host} was found: check the host name</source>
        <translation>Почтовый сервер {host} не найден: проверьте имя сервера</translation>
    </message>
    <message>
        <source>No payment method of kind deposit is configured</source>
        <translation>Не настроен способ оплаты «депозит»</translation>
    </message>
    <message>
        <source>No receipt printer is set up on {workstation} for the card slip</source>
        <translation>На {workstation} не настроен принтер чеков для слипа карты</translation>
    </message>
    <message>
        <source>No shift is open on register {register}</source>
        <translation>На кассе {register} смена не открыта</translation>
    </message>
    <message>
        <source>No shift is open on register {register}: open the cash shift first (Shift → Open shift)</source>
        <translation>На кассе {register} смена не открыта: сначала откройте кассовую смену (Смена → Открыть смену)</translation>
    </message>
    <message>
        <source>No tax rate of {percent}% is set up at the hotel</source>
        <translation>В отеле не настроена ставка налога {percent}%</translation>
    </message>
    <message>
        <source>No {type} room is free from {arrival} to {departure}</source>
        <translation>Нет свободного номера типа {type} с {arrival} по {departure}</translation>
    </message>
    <message>
        <source>No {type} room is free on the night of {night}</source>
        <translation>Нет свободного номера типа {type} на ночь {night}</translation>
    </message>
    <message>
        <source>Nobody stays in room {room_number} now</source>
        <translation>В номере {room_number} сейчас никто не проживает</translation>
    </message>
    <message>
        <source>Only a confirmed reservation can be a no-show ({reservation})</source>
        <translation>Незаездом может быть только подтверждённая бронь ({reservation})</translation>
    </message>
    <message>
        <source>Only a confirmed reservation can be cancelled ({reservation})</source>
        <translation>Отменить можно только подтверждённую бронь ({reservation})</translation>
    </message>
    <message>
        <source>Only a payment made on a card terminal is refunded on it</source>
        <translation>Через терминал возвращается только платёж, проведённый через терминал</translation>
    </message>
    <message>
        <source>Only a payment made on the card terminal can be refunded outside the desk</source>
        <translation>Вне кассы можно вернуть только оплату, принятую на карточном терминале</translation>
    </message>
    <message>
        <source>Only a payment or a deposit can be refunded</source>
        <translation>Вернуть можно только оплату или депозит</translation>
    </message>
    <message>
        <source>Only a payment, deposit or refund can be voided</source>
        <translation>Аннулировать можно только оплату, депозит или возврат</translation>
    </message>
    <message>
        <source>Only a registered register is asked here: a manager sets its kind and its server&apos;s address first; an ESC/POS printer is checked in Devices</source>
        <translation>Здесь опрашивается только фискальная касса: менеджер сначала задаёт её тип и адрес сервера; принтер ESC/POS проверяется в «Устройствах»</translation>
    </message>
    <message>
        <source>Only an in-house guest moves rooms ({reservation})</source>
        <translation>Переселить можно только проживающего гостя ({reservation})</translation>
    </message>
    <message>
        <source>Only payments and refunds get a fiscal receipt</source>
        <translation>Фискальный чек печатается только на оплаты и возвраты</translation>
    </message>
    <message>
        <source>Only services on this bill can be split off it</source>
        <translation>Отделить можно только услуги этого счёта</translation>
    </message>
    <message>
        <source>Operation {key} is already running</source>
        <translation>Операция {key} уже выполняется</translation>
    </message>
    <message>
        <source>Operation {key} is already {state}</source>
        <translation>Операция {key} уже в состоянии «{state}»</translation>
    </message>
    <message>
        <source>Operation {key} is not a card operation</source>
        <translation>Операция {key} — не операция с картой</translation>
    </message>
    <message>
        <source>Operation {key} is not a register&apos;s document</source>
        <translation>Операция {key} — не документ кассы</translation>
    </message>
    <message>
        <source>Operation {key} is on {register}, whose own journal settles it; use Check receipts</source>
        <translation>Операция {key} относится к кассе {register}, её закрывает собственный журнал кассы; используйте «Проверить чеки»</translation>
    </message>
    <message>
        <source>Operation {key} is {value}; it is not sent again</source>
        <translation>Операция {key} в состоянии «{value}»; повторно не отправляется</translation>
    </message>
    <message>
        <source>Outlet {key} does not exist</source>
        <translation>Точки продаж {key} не существует</translation>
    </message>
    <message>
        <source>Outlet {outlet} has no POS mapping {kind} {pos_code}</source>
        <translation>У точки продаж {outlet} нет сопоставления POS {kind} {pos_code}</translation>
    </message>
    <message>
        <source>POS payment code {code} is not mapped at the hotel: map it to credit or deposit (desk pos code set CODE credit)</source>
        <translation>Код оплаты POS {code} не настроен в отеле: сопоставьте его с кредитом или депозитом (desk pos code set CODE credit)</translation>
    </message>
    <message>
        <source>POS service</source>
        <translation>POS-сервис</translation>
    </message>
    <message>
        <source>POS {name} already has a key: revoke it first or choose another name</source>
        <translation>У POS {name} уже есть ключ: сначала отзовите его или выберите другое имя</translation>
    </message>
    <message>
        <source>Paper is 58 or 80 mm wide</source>
        <translation>Ширина бумаги — 58 или 80 мм</translation>
    </message>
    <message>
        <source>Payment {key} does not exist</source>
        <translation>Оплаты {key} не существует</translation>
    </message>
    <message>
        <source>Payment {payment} does not exist</source>
        <translation>Оплаты {payment} не существует</translation>
    </message>
    <message>
        <source>Payment {payment} has no card slip</source>
        <translation>У платежа {payment} нет слипа карты</translation>
    </message>
    <message>
        <source>Payment {payment} is not a transfer to a company account</source>
        <translation>Оплата {payment} не является переносом на счёт компании</translation>
    </message>
    <message>
        <source>Payment {payment} is not on this folio</source>
        <translation>Оплаты {payment} нет в этом фолио</translation>
    </message>
    <message>
        <source>Payment {payment} moved the bill to the account of {company}: reverse the transfer instead</source>
        <translation>Оплата {payment} перенесла счёт на счёт компании {company}: вместо этого отмените перенос</translation>
    </message>
    <message>
        <source>Payment {payment} was taken on another workstation</source>
        <translation>Платёж {payment} принят на другом рабочем месте</translation>
    </message>
    <message>
        <source>Receipt {number} may not have printed whole: {error}. Check the printer and press Retry: it is printed again, marked COPY</source>
        <translation>Чек {number} мог напечататься не полностью: {error}. Проверьте принтер и нажмите «Повторить»: он будет напечатан снова с пометкой КОПИЯ</translation>
    </message>
    <message>
        <source>Receipt {number} was cut short: {error}. Fix the printer and press Retry: it is printed again whole, marked COPY</source>
        <translation>Печать чека {number} прервалась: {error}. Устраните неполадку и нажмите «Повторить»: чек будет напечатан целиком с пометкой КОПИЯ</translation>
    </message>
    <message>
        <source>Receipt {number} was issued but not printed: {error}. Fix the printer and press Retry</source>
        <translation>Чек {number} сформирован, но не напечатан: {error}. Устраните неполадку и нажмите «Повторить»</translation>
    </message>
    <message>
        <source>Receipt {receipt} of this terminal is already on a card operation</source>
        <translation>Чек {receipt} этого терминала уже относится к операции с картой</translation>
    </message>
    <message>
        <source>Refund {refund_id} of check {check_number} was already made of {earlier}, not {amount}</source>
        <translation>Возврат {refund_id} по чеку {check_number} уже сделан на {earlier}, а не на {amount}</translation>
    </message>
    <message>
        <source>Register {register} has fiscal documents but its key file {path} is not on this workstation: copy it here from where the register&apos;s documents were signed; nothing was printed</source>
        <translation>У кассы {register} есть фискальные документы, но файла её ключа {path} на этом рабочем месте нет: скопируйте его сюда с того места, где документы кассы подписывались; ничего не напечатано</translation>
    </message>
    <message>
        <source>Register {register} has no document {number}</source>
        <translation>На кассе {register} нет документа {number}</translation>
    </message>
    <message>
        <source>Register {register} prints no copy from the desk; receipt {number} is read from the fiscal printer&apos;s electronic journal on the printer itself</source>
        <translation type="vanished">Касса {register} не печатает копию из программы; чек {number} можно прочитать в электронном журнале на самом фискальном принтере</translation>
    </message>
    <message>
        <source>Register {register} prints no copy through KKM-server; receipt {number} is found on the register or on the fiscal data operator&apos;s site</source>
        <translation type="vanished">Касса {register} не печатает копию через KKM-server; чек {number} можно найти в самой кассе или на сайте оператора фискальных данных</translation>
    </message>
    <message>
        <source>Register {register} takes receipts in roubles only, not {currency}: a manager sets the hotel&apos;s currency or the register&apos;s kind</source>
        <translation>Касса {register} печатает чеки только в рублях, не в {currency}: менеджер меняет валюту гостиницы или тип кассы</translation>
    </message>
    <message>
        <source>Reservation {key} does not exist</source>
        <translation>Брони {key} не существует</translation>
    </message>
    <message>
        <source>Reservation {number} checked out and its deposit is settled: charge the check on credit or settle it at the POS</source>
        <translation>Бронь {number} выехала, её депозит закрыт: спишите чек в кредит или рассчитайтесь на POS</translation>
    </message>
    <message>
        <source>Reservation {number} checked out: the desk cancels the check</source>
        <translation>Бронь {number} выехала: чек отменяет стойка</translation>
    </message>
    <message>
        <source>Reservation {number} checked out: the hotel refuses checks after check-out, settle the check at the POS</source>
        <translation>Бронь {number} выехала: отель не принимает чеки после выезда, рассчитайтесь на POS</translation>
    </message>
    <message>
        <source>Reservation {number} is {status}, not in house</source>
        <translation>Бронь {number} в состоянии «{status}», гость не проживает</translation>
    </message>
    <message>
        <source>Reservation {reservation} arrives on {date}</source>
        <translation>Заезд по брони {reservation} — {date}</translation>
    </message>
    <message>
        <source>Reservation {reservation} can no longer be changed</source>
        <translation>Бронь {reservation} больше нельзя изменить</translation>
    </message>
    <message>
        <source>Reservation {reservation} does not exist</source>
        <translation>Брони {reservation} не существует</translation>
    </message>
    <message>
        <source>Reservation {reservation} has money on its folio: settle it first</source>
        <translation>На фолио брони {reservation} есть деньги: сначала закройте расчёты</translation>
    </message>
    <message>
        <source>Reservation {reservation} has no folio</source>
        <translation>У брони {reservation} нет фолио</translation>
    </message>
    <message>
        <source>Reservation {reservation} has no room yet</source>
        <translation>Брони {reservation} ещё не назначен номер</translation>
    </message>
    <message>
        <source>Reservation {reservation} is already checked out</source>
        <translation>Гость по брони {reservation} уже выехал</translation>
    </message>
    <message>
        <source>Reservation {reservation} is already in house</source>
        <translation>Гость по брони {reservation} уже проживает</translation>
    </message>
    <message>
        <source>Reservation {reservation} is cancelled, not confirmed</source>
        <translation>Бронь {reservation} отменена, а не подтверждена</translation>
    </message>
    <message>
        <source>Reservation {reservation} is cancelled, not in house</source>
        <translation>Бронь {reservation} отменена, гость не проживает</translation>
    </message>
    <message>
        <source>Reservation {reservation} is cancelled: its bills are closed</source>
        <translation>Бронь {reservation} отменена: её счета закрыты</translation>
    </message>
    <message>
        <source>Reservation {reservation} is checked out, not confirmed</source>
        <translation>Гость по брони {reservation} выехал, бронь не подтверждена</translation>
    </message>
    <message>
        <source>Reservation {reservation} is checked out: its bills are closed</source>
        <translation>Гость по брони {reservation} выехал: счета закрыты</translation>
    </message>
    <message>
        <source>Reservation {reservation} is not checked in yet</source>
        <translation>Гость по брони {reservation} ещё не заселён</translation>
    </message>
    <message>
        <source>Room {room_number} has no guest number {position}</source>
        <translation>В номере {room_number} нет гостя под номером {position}</translation>
    </message>
    <message>
        <source>Room {room} has several guests: charge one of them by their code</source>
        <translation>В номере {room} несколько гостей: спишите на одного из них по его коду</translation>
    </message>
    <message>
        <source>Room {room} is a {type} room</source>
        <translation>Номер {room} — типа {type}</translation>
    </message>
    <message>
        <source>Room {room} is taken on the night of {night} (reservation {reservation})</source>
        <translation>Номер {room} занят в ночь на {night} (бронь {reservation})</translation>
    </message>
    <message>
        <source>Sale number {number} is not the one the desk sent for this receipt (it ends in {sequence}): that receipt is another sale&apos;s</source>
        <translation>Уникальный номер продажи {number} — не тот, что программа отправила для этого чека (он оканчивается на {sequence}): это чек другой продажи</translation>
    </message>
    <message>
        <source>Say what shows how the operation ended</source>
        <translation>Укажите, что подтверждает исход операции</translation>
    </message>
    <message>
        <source>Say what the register&apos;s report shows</source>
        <translation>Укажите, что показывает отчёт кассы</translation>
    </message>
    <message>
        <source>Say why check-out is allowed with an open balance</source>
        <translation>Укажите, почему выезд разрешён с непогашенным остатком</translation>
    </message>
    <message>
        <source>Say why the cash goes in or out</source>
        <translation>Укажите, зачем вносятся или изымаются деньги</translation>
    </message>
    <message>
        <source>Say why the payment is voided</source>
        <translation>Укажите причину аннулирования оплаты</translation>
    </message>
    <message>
        <source>Say why the reservation is cancelled</source>
        <translation>Укажите причину отмены брони</translation>
    </message>
    <message>
        <source>Say why the service is reversed</source>
        <translation>Укажите причину сторно услуги</translation>
    </message>
    <message>
        <source>Say why the transfer is reversed</source>
        <translation>Укажите, почему перенос отменяется</translation>
    </message>
    <message>
        <source>Security is one of: {values}</source>
        <translation>Защита — одно из: {values}</translation>
    </message>
    <message>
        <source>Service {key} does not exist</source>
        <translation>Услуги {key} не существует</translation>
    </message>
    <message>
        <source>Service {posting} does not exist</source>
        <translation>Услуги {posting} не существует</translation>
    </message>
    <message>
        <source>Service {posting} is not on this folio</source>
        <translation>Услуги {posting} нет в этом фолио</translation>
    </message>
    <message>
        <source>Services are charged in {base}, not {currency}</source>
        <translation>Услуги начисляются в {base}, а не в {currency}</translation>
    </message>
    <message>
        <source>Settle every bill and the deposit before check-out (bills {bills}; deposit {deposit})</source>
        <translation>Перед выездом закройте все счета и депозит (счета {bills}; депозит {deposit})</translation>
    </message>
    <message>
        <source>Settle every bill before check-out (bills {bills})</source>
        <translation>Перед выездом закройте все счета (счета {bills})</translation>
    </message>
    <message>
        <source>Settle the deposit before check-out ({deposit})</source>
        <translation>Перед выездом закройте депозит ({deposit})</translation>
    </message>
    <message>
        <source>Shift {number} is still open on {workstation}: close it first</source>
        <translation>Смена {number} на {workstation} ещё открыта: сначала закройте её</translation>
    </message>
    <message>
        <source>Shift {number} was opened more than 24 hours ago: close it (Z report) and open a new one before taking cash</source>
        <translation>Смена {number} открыта более 24 часов назад: закройте её (Z-отчёт) и откройте новую, прежде чем принимать наличные</translation>
    </message>
    <message>
        <source>Shift {shift_id} does not exist</source>
        <translation>Смены {shift_id} нет</translation>
    </message>
    <message>
        <source>Shift {shift_id} is not closed</source>
        <translation>Смена {shift_id} не закрыта</translation>
    </message>
    <message>
        <source>Shift {shift} of register {register} was opened more than 24 hours ago: close it (Z report) before the next sale</source>
        <translation>Смена {shift} кассы {register} открыта более 24 часов назад: закройте её (Z-отчёт) до следующей продажи</translation>
    </message>
    <message>
        <source>Tax rate {key} does not exist</source>
        <translation>Налоговой ставки {key} не существует</translation>
    </message>
    <message>
        <source>The TLS handshake with {host}:{port} failed ({reason}): check the security setting and the port</source>
        <translation>Не удалось установить соединение TLS с {host}:{port} ({reason}): проверьте защиту и порт</translation>
    </message>
    <message>
        <source>The amount must be more than zero (got {amount})</source>
        <translation>Сумма должна быть больше нуля (указано {amount})</translation>
    </message>
    <message>
        <source>The anchor of document {number} could not be written to {path} ({reason}): fix the anchor folder and print the report again</source>
        <translation>Контрольную точку документа {number} не удалось записать в {path} ({reason}): исправьте папку контрольных точек и напечатайте отчёт снова</translation>
    </message>
    <message>
        <source>The card operation is recorded, but its slip did not print on {printer}: {problem}. Fix the printer, then use Print card slip on the payment</source>
        <translation>Операция по карте записана, но её слип не напечатан на {printer}: {problem}. Устраните неполадку принтера, затем выберите «Печать слипа» у платежа</translation>
    </message>
    <message>
        <source>The card operation is recorded, but its slip did not print on {printer}: {problem}. Fix the printer, then use Print card slip on the pre-authorisation</source>
        <translation>Операция по карте записана, но её слип не напечатан на {printer}: {problem}. Устраните неполадку принтера, затем выберите «Печать слипа» у предавторизации</translation>
    </message>
    <message>
        <source>The certificate of {host} is not trusted ({reason}): set the hotel&apos;s CA certificate or check the host name</source>
        <translation>Сертификату сервера {host} нет доверия ({reason}): укажите сертификат центра сертификации (CA) гостиницы или проверьте имя сервера</translation>
    </message>
    <message>
        <source>The check number is too long: at most {limit} characters</source>
        <translation>Номер чека слишком длинный: не более {limit} символов</translation>
    </message>
    <message>
        <source>The check&apos;s composition (INPBUF CHECK) is missing: turn on XML for this interface</source>
        <translation>Нет состава чека (INPBUF CHECK): включите XML для этого интерфейса</translation>
    </message>
    <message>
        <source>The connection to the database was lost. If you were saving something, look at the bill before doing it again: it may have been saved.</source>
        <translation>Связь с базой данных потеряна. Если вы что-то сохраняли, посмотрите счёт, прежде чем повторять: возможно, это уже сохранено.</translation>
    </message>
    <message>
        <source>The database cannot be written to (no permission, or read-only). Tell the administrator.</source>
        <translation>В базу данных нельзя записывать (нет прав или она только для чтения). Сообщите администратору.</translation>
    </message>
    <message>
        <source>The database has no room left on its disk: nothing more can be saved. Tell the administrator to free space.</source>
        <translation>На диске базы данных не осталось места: больше ничего нельзя сохранить. Попросите администратора освободить место.</translation>
    </message>
    <message>
        <source>The database is damaged. Stop working at this desk and tell the administrator: it must be checked and restored from a backup.</source>
        <translation>База данных повреждена. Прекратите работу на этом месте и сообщите администратору: её нужно проверить и восстановить из резервной копии.</translation>
    </message>
    <message>
        <source>The database refused the operation. If you were saving something, look at the bill before doing it again; if it happens again, tell the administrator.</source>
        <translation>База данных отказала в операции. Если вы что-то сохраняли, посмотрите счёт, прежде чем повторять; если это повторится, сообщите администратору.</translation>
    </message>
    <message>
        <source>The deposit holds only {balance}</source>
        <translation>На депозите только {balance}</translation>
    </message>
    <message>
        <source>The deposit of {number} holds only {held}: charge the check on credit instead</source>
        <translation>На депозите {number} только {held}: спишите чек в кредит</translation>
    </message>
    <message>
        <source>The deposit was already used: refund or move it first</source>
        <translation>Депозит уже использован: сначала верните или перенесите его</translation>
    </message>
    <message>
        <source>The description is too long: at most {limit} characters</source>
        <translation>Описание слишком длинное: не более {limit} символов</translation>
    </message>
    <message>
        <source>The discount {discount} is more than the lines ({lines})</source>
        <translation>Скидка {discount} больше суммы строк ({lines})</translation>
    </message>
    <message>
        <source>The drawer should hold only {held}</source>
        <translation>В ящике должно быть только {held}</translation>
    </message>
    <message>
        <source>The drawer was already opened for payment {payment}</source>
        <translation>Денежный ящик для платежа {payment} уже открывался</translation>
    </message>
    <message>
        <source>The e-mail was not sent: cancelled</source>
        <translation>Письмо не отправлено: отменено</translation>
    </message>
    <message>
        <source>The file {path} is not a key for saved passwords: move it away and save again</source>
        <translation>Файл {path} не является ключом сохранённых паролей: уберите его и сохраните ещё раз</translation>
    </message>
    <message>
        <source>The file {path} is not a mail key: move it away and save the password again</source>
        <translation>Файл {path} не является ключом почты: уберите его и сохраните пароль заново</translation>
    </message>
    <message>
        <source>The file {path} is not the signing key of register {register}: put the register&apos;s key file there; nothing was printed</source>
        <translation>Файл {path} не является ключом подписи кассы {register}: положите туда файл ключа этой кассы; ничего не напечатано</translation>
    </message>
    <message>
        <source>The guest has arrived: the arrival cannot change</source>
        <translation>Гость уже заехал: дату заезда не изменить</translation>
    </message>
    <message>
        <source>The guest is already in room {room}</source>
        <translation>Гость уже в номере {room}</translation>
    </message>
    <message>
        <source>The hotel charges in {currency}</source>
        <translation>Отель выставляет счета в {currency}</translation>
    </message>
    <message>
        <source>The hotel charges in {currency}, not {other}</source>
        <translation>Отель выставляет счета в {currency}, а не в {other}</translation>
    </message>
    <message>
        <source>The hotel does not accept {currency}</source>
        <translation>Отель не принимает {currency}</translation>
    </message>
    <message>
        <source>The hotel does not take cash in {currency}</source>
        <translation>Отель не принимает наличные в {currency}</translation>
    </message>
    <message>
        <source>The hotel has no card payment method</source>
        <translation>В отеле нет способа оплаты картой</translation>
    </message>
    <message>
        <source>The hotel has no outlet set up</source>
        <translation>В отеле не настроена ни одна точка продаж</translation>
    </message>
    <message>
        <source>The hotel is not set up</source>
        <translation>Отель не настроен</translation>
    </message>
    <message>
        <source>The journal&apos;s request must be plain JSON: {exc}</source>
        <translation>Запрос в журнале должен быть простым JSON: {exc}</translation>
    </message>
    <message>
        <source>The journal&apos;s {where} may not hold a full card number</source>
        <translation>В журнале ({where}) не может быть полного номера карты</translation>
    </message>
    <message>
        <source>The journal&apos;s {where} may not hold {key}</source>
        <translation>В журнале ({where}) не может быть {key}</translation>
    </message>
    <message>
        <source>The key file {path} cannot be written ({reason})</source>
        <translation>Файл ключа {path} не удаётся записать ({reason})</translation>
    </message>
    <message>
        <source>The key file {path} of register {register} cannot be read ({reason}); nothing was printed</source>
        <translation>Файл ключа {path} кассы {register} не читается ({reason}); ничего не напечатано</translation>
    </message>
    <message>
        <source>The key in {path} is not the one the mail password was saved with: copy the right key file here, or type the password again</source>
        <translation>Ключ в {path} — не тот, которым сохранён пароль почты: скопируйте сюда нужный файл ключа или введите пароль заново</translation>
    </message>
    <message>
        <source>The key in {path} is not the one the password of terminal {name} was saved with: copy the right key file here, or set the terminal up again</source>
        <translation>Ключ в {path} не тот, которым сохранён пароль терминала {name}: скопируйте сюда нужный файл ключа или настройте терминал заново</translation>
    </message>
    <message>
        <source>The key of POS {name} was revoked: ask the hotel&apos;s administrator for a new one</source>
        <translation>Ключ POS {name} отозван: попросите у администратора отеля новый</translation>
    </message>
    <message>
        <source>The key {key} is already used by another operation</source>
        <translation>Ключ {key} уже занят другой операцией</translation>
    </message>
    <message>
        <source>The lines ({lines}) and the tip ({tip}) make {sum}, not the total {total}</source>
        <translation type="vanished">Строки ({lines}) и чаевые ({tip}) дают {sum}, а не итог {total}</translation>
    </message>
    <message>
        <source>The lines and the tip ({tip}) do not add up to the total {total}</source>
        <translation type="vanished">Строки и чаевые ({tip}) не складываются в итог {total}</translation>
    </message>
    <message>
        <source>The mail server answered {code} {reply}</source>
        <translation>Почтовый сервер ответил: {code} {reply}</translation>
    </message>
    <message>
        <source>The mail server refused the login {user}: check the user and the password</source>
        <translation>Почтовый сервер не принял вход пользователя {user}: проверьте пользователя и пароль</translation>
    </message>
    <message>
        <source>The mail server refused the recipient {address} ({code} {reply})</source>
        <translation>Почтовый сервер отклонил получателя {address} ({code} {reply})</translation>
    </message>
    <message>
        <source>The mail server refused the sender {address} ({code} {reply})</source>
        <translation>Почтовый сервер отклонил отправителя {address} ({code} {reply})</translation>
    </message>
    <message>
        <source>The mail server {host} does not accept a login on this connection: choose STARTTLS or TLS, or clear the user</source>
        <translation>Почтовый сервер {host} не принимает вход по этому соединению: выберите STARTTLS или TLS либо очистите пользователя</translation>
    </message>
    <message>
        <source>The mail server {host} does not offer STARTTLS: choose TLS or another port</source>
        <translation>Почтовый сервер {host} не поддерживает STARTTLS: выберите TLS или другой порт</translation>
    </message>
    <message>
        <source>The mail server {host}:{port} cannot be reached ({reason})</source>
        <translation>Почтовый сервер {host}:{port} недоступен ({reason})</translation>
    </message>
    <message>
        <source>The mail server {host}:{port} closed the connection: check the security setting and the port</source>
        <translation>Почтовый сервер {host}:{port} закрыл соединение: проверьте защиту и порт</translation>
    </message>
    <message>
        <source>The mail server {host}:{port} did not answer in time</source>
        <translation>Почтовый сервер {host}:{port} не ответил вовремя</translation>
    </message>
    <message>
        <source>The mail server {host}:{port} refused the connection: check the host and the port</source>
        <translation>Почтовый сервер {host}:{port} отказал в соединении: проверьте сервер и порт</translation>
    </message>
    <message>
        <source>The mail was not sent ({reason})</source>
        <translation>Письмо не отправлено ({reason})</translation>
    </message>
    <message>
        <source>The merchant account {account} is set up already</source>
        <translation>Торговый счёт {account} уже настроен</translation>
    </message>
    <message>
        <source>The nightly rate cannot be negative</source>
        <translation>Цена за ночь не может быть отрицательной</translation>
    </message>
    <message>
        <source>The order&apos;s items do not add up to its amount</source>
        <translation>Сумма позиций заказа не равна его сумме</translation>
    </message>
    <message>
        <source>The payer&apos;s name is too long: at most {limit} characters</source>
        <translation>Имя плательщика слишком длинное: не более {limit} символов</translation>
    </message>
    <message>
        <source>The printer of {register} is not ready: {problem}</source>
        <translation>Принтер кассы {register} не готов: {problem}</translation>
    </message>
    <message>
        <source>The printer of {register} is not set up: {problem}</source>
        <translation>Принтер кассы {register} не настроен: {problem}</translation>
    </message>
    <message>
        <source>The quantity must be less than {limit} (got {value})</source>
        <translation>Количество должно быть меньше {limit} (получено {value})</translation>
    </message>
    <message>
        <source>The quantity must be positive with at most 3 decimals (got {value})</source>
        <translation>Количество должно быть положительным, не больше 3 знаков после запятой (указано {value})</translation>
    </message>
    <message>
        <source>The rack shows between 1 and {limit} days</source>
        <translation>Шахматка показывает от 1 до {limit} дней</translation>
    </message>
    <message>
        <source>The rate per night is in {currency}</source>
        <translation>Цена за ночь указывается в {currency}</translation>
    </message>
    <message>
        <source>The reason is too long (at most {limit} characters)</source>
        <translation>Причина слишком длинная (не более {limit} символов)</translation>
    </message>
    <message>
        <source>The reason is too long: at most {limit} characters</source>
        <translation>Причина слишком длинная: не более {limit} символов</translation>
    </message>
    <message>
        <source>The receipt must show {amount}, the amount the terminal was asked for</source>
        <translation>В чеке должна быть сумма {amount} — та, что запрошена у терминала</translation>
    </message>
    <message>
        <source>The receipt of this payment is still unanswered by register {register}: look at its last receipt on the register, then use Shift → Check receipts; it is not issued again before</source>
        <translation>Касса {register} ещё не ответила по чеку этого платежа: посмотрите её последний чек, затем выберите Смена → Проверить чеки; до этого чек повторно не пробивается</translation>
    </message>
    <message>
        <source>The receipt&apos;s journal entry is missing: nothing was sent to the register</source>
        <translation type="vanished">Нет записи чека в журнале: в кассу ничего не отправлено</translation>
    </message>
    <message>
        <source>The reference is too long: at most {limit} characters</source>
        <translation>Ссылка слишком длинная: не более {limit} символов</translation>
    </message>
    <message>
        <source>The register gave no clear answer. The receipt will be checked with the register at the next start, or use Shift → Check receipts now; do not print it again by hand</source>
        <translation>Касса не дала ясного ответа. Чек будет сверен с кассой при следующем запуске, или выберите Смена → Проверить чеки сейчас; не печатайте его повторно вручную</translation>
    </message>
    <message>
        <source>The rights of {user} have changed: sign in again</source>
        <translation>Права пользователя {user} изменились: войдите заново</translation>
    </message>
    <message>
        <source>The search text is too long (at most {limit} characters)</source>
        <translation>Слишком длинный текст поиска (не больше {limit} символов)</translation>
    </message>
    <message>
        <source>The terminal cannot take {currency}</source>
        <translation>Терминал не принимает {currency}</translation>
    </message>
    <message>
        <source>The text is too long: at most {limit} characters</source>
        <translation>Текст слишком длинный: не более {limit} символов</translation>
    </message>
    <message>
        <source>The {what} in {currency} is given twice</source>
        <translation>{what} в {currency} указан дважды</translation>
    </message>
    <message>
        <source>There is already a room type {type}</source>
        <translation>Тип номера {type} уже есть</translation>
    </message>
    <message>
        <source>There is already a room {room}</source>
        <translation>Номер {room} уже есть</translation>
    </message>
    <message>
        <source>There is no POS named {name}</source>
        <translation>POS с именем {name} нет</translation>
    </message>
    <message>
        <source>There is no POS setting {name}</source>
        <translation>Настройки POS {name} нет</translation>
    </message>
    <message>
        <source>There is no card terminal {terminal}</source>
        <translation>Карточного терминала {terminal} нет</translation>
    </message>
    <message>
        <source>There is no cash register “{register}”</source>
        <translation>Кассы «{register}» нет</translation>
    </message>
    <message>
        <source>There is no fiscal document {document}</source>
        <translation>Фискального документа {document} нет</translation>
    </message>
    <message>
        <source>There is no journal intent {intent_id}</source>
        <translation>Записи журнала {intent_id} нет</translation>
    </message>
    <message>
        <source>There is no outlet {outlet}</source>
        <translation>Точки продаж {outlet} нет</translation>
    </message>
    <message>
        <source>There is no outlet {outlet} at the hotel</source>
        <translation>В отеле нет точки продаж {outlet}</translation>
    </message>
    <message>
        <source>There is no payment method “{method}”</source>
        <translation>Способа оплаты «{method}» нет</translation>
    </message>
    <message>
        <source>There is no pre-authorisation {hold}</source>
        <translation>Преавторизации {hold} нет</translation>
    </message>
    <message>
        <source>There is no printer profile “{profile}”</source>
        <translation>Профиля принтера «{profile}» нет</translation>
    </message>
    <message>
        <source>There is no room type {type}</source>
        <translation>Нет типа номера {type}</translation>
    </message>
    <message>
        <source>There is no room {card} and no guest code {card}</source>
        <translation>Нет ни номера {card}, ни кода гостя {card}</translation>
    </message>
    <message>
        <source>There is no room {room_number} in the hotel</source>
        <translation>В отеле нет номера {room_number}</translation>
    </message>
    <message>
        <source>There is no room {room}</source>
        <translation>Номера {room} нет</translation>
    </message>
    <message>
        <source>There is no service {service}</source>
        <translation>Услуги {service} нет</translation>
    </message>
    <message>
        <source>There is no stay {stay}</source>
        <translation>Брони {stay} нет</translation>
    </message>
    <message>
        <source>There is no user {username}</source>
        <translation>Пользователя {username} нет</translation>
    </message>
    <message>
        <source>This Apply was already recorded, as {amount}: close the window and look at the bill before you record more</source>
        <translation>Это действие уже записано, на сумму {amount}: закройте окно и проверьте счёт, прежде чем записывать ещё</translation>
    </message>
    <message>
        <source>This action was already recorded for another payment</source>
        <translation>Это действие уже записано для другого платежа</translation>
    </message>
    <message>
        <source>This card operation has no slip to print</source>
        <translation>У этой операции по карте нет слипа для печати</translation>
    </message>
    <message>
        <source>This card payment was already refunded: it is refunded once</source>
        <translation>Этот платёж по карте уже возвращён: возврат делается один раз</translation>
    </message>
    <message>
        <source>This is not a CA certificate in PEM form (-----BEGIN CERTIFICATE-----)</source>
        <translation>Это не сертификат CA в формате PEM (-----BEGIN CERTIFICATE-----)</translation>
    </message>
    <message>
        <source>This payment is already voided</source>
        <translation>Эта оплата уже аннулирована</translation>
    </message>
    <message>
        <source>This payment is refunded in {currency}</source>
        <translation>Эта оплата возвращается в {currency}</translation>
    </message>
    <message>
        <source>This payment was already recorded on another bill</source>
        <translation>Этот платёж уже записан на другой счёт</translation>
    </message>
    <message>
        <source>This pre-authorisation has expired: the bank released it</source>
        <translation>Срок этой преавторизации истёк: банк снял блокировку</translation>
    </message>
    <message>
        <source>This pre-authorisation is in {currency}</source>
        <translation>Эта преавторизация в {currency}</translation>
    </message>
    <message>
        <source>This pre-authorisation is {state}: it is used once</source>
        <translation type="vanished">Эта преавторизация уже {state}: она используется один раз</translation>
    </message>
    <message>
        <source>This transfer was already reversed</source>
        <translation>Этот перенос уже отменён</translation>
    </message>
    <message>
        <source>This transfer was recorded before its two halves were linked: reverse the company&apos;s charge and this payment by hand</source>
        <translation>Этот перенос записан до того, как его две части стали связываться: отмените начисление компании и эту оплату вручную</translation>
    </message>
    <message>
        <source>This was already done on the card terminal</source>
        <translation type="vanished">Это уже сделано на карточном терминале</translation>
    </message>
    <message>
        <source>This workstation has no key for the password of terminal {name}: copy {path} here from the computer where it was saved, or set the terminal up again</source>
        <translation>На этом рабочем месте нет ключа к паролю терминала {name}: скопируйте сюда {path} с компьютера, где он был сохранён, или настройте терминал заново</translation>
    </message>
    <message>
        <source>This workstation has no key for the saved mail password: copy {path} here from the workstation where it was saved, or type the password again</source>
        <translation>На этом рабочем месте нет ключа к сохранённому паролю почты: скопируйте {path} с рабочего места, где пароль сохраняли, или введите пароль заново</translation>
    </message>
    <message>
        <source>Too many failed attempts: {user} cannot sign in until {time}</source>
        <translation>Слишком много неудачных попыток: {user} не может войти до {time}</translation>
    </message>
    <message>
        <source>Type the password: the saved one is sent only to the saved server and user</source>
        <translation>Введите пароль: сохранённый пароль отправляется только на сохранённый сервер и только для сохранённого пользователя</translation>
    </message>
    <message>
        <source>Unknown POS key: ask the hotel&apos;s administrator for a key</source>
        <translation>Неизвестный ключ POS: попросите ключ у администратора отеля</translation>
    </message>
    <message>
        <source>Unknown currency “{currency}”</source>
        <translation>Неизвестная валюта «{currency}»</translation>
    </message>
    <message>
        <source>Use settle() or close() for {value}</source>
        <translation>Для {value} используйте settle() или close()</translation>
    </message>
    <message>
        <source>Void its refunds first</source>
        <translation>Сначала аннулируйте возвраты по ней</translation>
    </message>
    <message>
        <source>Wrong user name or password</source>
        <translation>Неверное имя пользователя или пароль</translation>
    </message>
    <message>
        <source>add a guest</source>
        <translation>добавить гостя</translation>
    </message>
    <message>
        <source>ask for a receipt</source>
        <translation>запросить чек</translation>
    </message>
    <message>
        <source>cancel a reservation</source>
        <translation>отменить бронирование</translation>
    </message>
    <message>
        <source>cashier</source>
        <translation>кассир</translation>
    </message>
    <message>
        <source>change a reservation</source>
        <translation>изменять бронь</translation>
    </message>
    <message>
        <source>change the rate per night</source>
        <translation>менять цену за ночь</translation>
    </message>
    <message>
        <source>check a guest in</source>
        <translation>заселить гостя</translation>
    </message>
    <message>
        <source>check a guest out</source>
        <translation>выселить гостя</translation>
    </message>
    <message>
        <source>check out with a balance open</source>
        <translation>выселить с непогашенным остатком</translation>
    </message>
    <message>
        <source>clerk</source>
        <translation>администратор</translation>
    </message>
    <message>
        <source>create a reservation</source>
        <translation>создать бронирование</translation>
    </message>
    <message>
        <source>date a payment other than today</source>
        <translation>провести платёж не сегодняшней датой</translation>
    </message>
    <message>
        <source>manage POS keys and settings</source>
        <translation>управлять ключами и настройками POS</translation>
    </message>
    <message>
        <source>manage rooms and room types</source>
        <translation>управлять номерами и типами номеров</translation>
    </message>
    <message>
        <source>manage users</source>
        <translation>управлять пользователями</translation>
    </message>
    <message>
        <source>manager</source>
        <translation>менеджер</translation>
    </message>
    <message>
        <source>mark a no-show</source>
        <translation>отмечать незаезд</translation>
    </message>
    <message>
        <source>mark a room clean or dirty</source>
        <translation>отмечать номер убранным или грязным</translation>
    </message>
    <message>
        <source>move a guest to another room</source>
        <translation>переселять гостя в другой номер</translation>
    </message>
    <message>
        <source>move services between bills</source>
        <translation>переносить услуги между счетами</translation>
    </message>
    <message>
        <source>open a bill</source>
        <translation>открыть счёт</translation>
    </message>
    <message>
        <source>open an account</source>
        <translation>открыть лицевой счёт</translation>
    </message>
    <message>
        <source>open the cash drawer</source>
        <translation>открыть денежный ящик</translation>
    </message>
    <message>
        <source>operate the desk&apos;s devices</source>
        <translation>работать с устройствами стойки</translation>
    </message>
    <message>
        <source>pay a bill from the deposit</source>
        <translation>оплатить счёт из депозита</translation>
    </message>
    <message>
        <source>post a charge</source>
        <translation>начислить услугу</translation>
    </message>
    <message>
        <source>post a service</source>
        <translation>добавить услугу</translation>
    </message>
    <message>
        <source>post the night&apos;s room charge</source>
        <translation>начислить проживание за ночь</translation>
    </message>
    <message>
        <source>printing was cancelled</source>
        <translation>печать отменена</translation>
    </message>
    <message>
        <source>read reports</source>
        <translation>смотреть отчёты</translation>
    </message>
    <message>
        <source>refund a payment</source>
        <translation>оформить возврат</translation>
    </message>
    <message>
        <source>release a pre-authorisation</source>
        <translation>снимать преавторизацию</translation>
    </message>
    <message>
        <source>reverse a charge</source>
        <translation>сторнировать начисление</translation>
    </message>
    <message>
        <source>reverse a transfer to a company</source>
        <translation>отменять перенос на счёт компании</translation>
    </message>
    <message>
        <source>run the cash shift</source>
        <translation>вести кассовую смену</translation>
    </message>
    <message>
        <source>set up devices</source>
        <translation>настраивать устройства</translation>
    </message>
    <message>
        <source>settle a card operation by hand</source>
        <translation>закрывать операцию с картой вручную</translation>
    </message>
    <message>
        <source>split a bill</source>
        <translation>разделить счёт</translation>
    </message>
    <message>
        <source>take a deposit</source>
        <translation>принять депозит</translation>
    </message>
    <message>
        <source>take a payment</source>
        <translation>принять платёж</translation>
    </message>
    <message>
        <source>take more than the bill owes</source>
        <translation>принять больше суммы счёта</translation>
    </message>
    <message>
        <source>the fiscal printer has had no Z report for 24 hours: close the cash shift (Z report) and open a new one</source>
        <translation>фискальный принтер 24 часа без Z-отчёта: закройте кассовую смену (Z-отчёт) и откройте новую</translation>
    </message>
    <message>
        <source>the fiscal printer has not reached the revenue agency (NRA) for three days: check its SIM card and mobile signal; receipts resume once its data are sent</source>
        <translation>фискальный принтер три дня не связывался с НАП: проверьте его SIM-карту и мобильный сигнал; чеки снова пойдут, когда данные будут отправлены</translation>
    </message>
    <message>
        <source>the fiscal printer is out of paper: load a paper roll and try again</source>
        <translation>в фискальном принтере нет бумаги: вставьте рулон и повторите</translation>
    </message>
    <message>
        <source>the fiscal printer refused a tax group: a manager checks the register&apos;s VAT codes</source>
        <translation>фискальный принтер отклонил налоговую группу: менеджер проверяет коды НДС кассы</translation>
    </message>
    <message>
        <source>the fiscal printer refused an item of the receipt: a manager checks the item&apos;s name and price</source>
        <translation>фискальный принтер отклонил позицию чека: менеджер проверяет её название и цену</translation>
    </message>
    <message>
        <source>the fiscal printer refused the payment: check the receipt&apos;s payment and try again</source>
        <translation>фискальный принтер отклонил оплату: проверьте оплату чека и повторите</translation>
    </message>
    <message>
        <source>the fiscal printer&apos;s cover is open: close it and try again</source>
        <translation>крышка фискального принтера открыта: закройте её и повторите</translation>
    </message>
    <message>
        <source>the fiscal printer&apos;s electronic journal is full: call its service centre</source>
        <translation>электронный журнал фискального принтера заполнен: вызовите сервисный центр</translation>
    </message>
    <message>
        <source>the fiscal printer&apos;s fiscal memory is full: call its service centre; no receipt can be issued on it until then</source>
        <translation>фискальная память принтера заполнена: вызовите сервисный центр; до тех пор чеки на нём не печатаются</translation>
    </message>
    <message>
        <source>the fiscal printer&apos;s printing unit reports a fault: switch it off and on, then try again</source>
        <translation>печатающий узел фискального принтера сообщает о сбое: выключите и включите его, затем повторите</translation>
    </message>
    <message>
        <source>the key file {path} is not the key the anchor of {date} was signed with (key {anchored}, here {here}): the chain was signed again with another key</source>
        <translation>файл ключа {path} — не тот ключ, которым подписан якорь от {date} (ключ {anchored}, здесь {here}): цепочку подписали заново другим ключом</translation>
    </message>
    <message>
        <source>the printer did not answer in time; check that it is on and connected</source>
        <translation>принтер не ответил вовремя; проверьте, что он включён и подключён</translation>
    </message>
    <message>
        <source>the printer did not say what went wrong; check it</source>
        <translation>принтер не сообщил, что случилось; проверьте его</translation>
    </message>
    <message>
        <source>the printer is offline or switched off; switch it on and check its cable</source>
        <translation>принтер не в сети или выключен; включите его и проверьте кабель</translation>
    </message>
    <message>
        <source>the printer is out of paper; load paper</source>
        <translation>в принтере закончилась бумага; вставьте бумагу</translation>
    </message>
    <message>
        <source>the printer is used by another program</source>
        <translation>принтер занят другой программой</translation>
    </message>
    <message>
        <source>the printer reports an error; open and close its cover, or switch it off and on</source>
        <translation>принтер сообщает об ошибке; откройте и закройте крышку или выключите и включите его</translation>
    </message>
    <message>
        <source>the printer was not found; check the register&apos;s connection</source>
        <translation>принтер не найден; проверьте подключение кассы</translation>
    </message>
    <message>
        <source>the printer was unplugged; plug it back in</source>
        <translation>принтер отключён; подключите его снова</translation>
    </message>
    <message>
        <source>the printer&apos;s cover is open; close it</source>
        <translation>крышка принтера открыта; закройте её</translation>
    </message>
    <message>
        <source>the register&apos;s key file {path} is not here</source>
        <translation>файла ключа кассы {path} здесь нет</translation>
    </message>
    <message>
        <source>the start</source>
        <translation>начала</translation>
    </message>
    <message>
        <source>transfer a bill to a company</source>
        <translation>перевести счёт на компанию</translation>
    </message>
    <message>
        <source>void a charge</source>
        <translation>аннулировать начисление</translation>
    </message>
    <message>
        <source>void a payment</source>
        <translation>аннулировать платёж</translation>
    </message>
    <message>
        <source>{amount} has more decimals than {currency} allows ({digits})</source>
        <translation>В {amount} больше знаков после запятой, чем допускает {currency} ({digits})</translation>
    </message>
    <message>
        <source>{amount} is too large an amount (at most {digits} digits before the point)</source>
        <translation>{amount} — слишком большая сумма (не более {digits} цифр до запятой)</translation>
    </message>
    <message>
        <source>{amount} is worth less than the smallest {currency} amount ({base_amount}): take a larger amount</source>
        <translation>{amount} стоит меньше наименьшей суммы в {currency} ({base_amount}): примите бо́льшую сумму</translation>
    </message>
    <message>
        <source>{card} is neither a room number nor a guest code</source>
        <translation>{card} — не номер комнаты и не код гостя</translation>
    </message>
    <message>
        <source>{company} already paid {amount} towards this transfer: refund the company first</source>
        <translation>{company} уже оплатила {amount} по этому переносу: сначала сделайте возврат компании</translation>
    </message>
    <message>
        <source>{company} would owe {owed}, over its credit limit of {limit}</source>
        <translation>{company}: долг по счёту стал бы {owed}, больше кредитного лимита {limit}</translation>
    </message>
    <message>
        <source>{denomination} is not a {currency} note or coin</source>
        <translation>{denomination} — не банкнота и не монета {currency}</translation>
    </message>
    <message>
        <source>{device} did not answer as expected: {detail}</source>
        <translation>{device} ответил не так, как ожидалось: {detail}</translation>
    </message>
    <message>
        <source>{email} is not an e-mail address</source>
        <translation>{email} — не адрес электронной почты</translation>
    </message>
    <message>
        <source>{item}: quantity must be positive and price not negative</source>
        <translation type="vanished">{item}: количество должно быть больше нуля, а цена — не отрицательной</translation>
    </message>
    <message>
        <source>{kind} is not a card operation</source>
        <translation type="vanished">{kind} — не операция с картой</translation>
    </message>
    <message>
        <source>{kind} is not a receipt</source>
        <translation>{kind} не является чеком</translation>
    </message>
    <message>
        <source>{kind} is not a shift document</source>
        <translation>{kind} не является документом смены</translation>
    </message>
    <message>
        <source>{method} is not taken at the desk this way</source>
        <translation>{method} так на стойке не принимается</translation>
    </message>
    <message>
        <source>{method} payments get no fiscal receipt</source>
        <translation>На оплату «{method}» фискальный чек не печатается</translation>
    </message>
    <message>
        <source>{missing} removed (between the entry of {before} and entry {entry} of {when})</source>
        <translation>удалено: {missing} (между записью от {before} и записью {entry} от {when})</translation>
    </message>
    <message>
        <source>{missing} removed, between {before} and {row}: a posting or payment was taken out of the chain</source>
        <translation>удалено: {missing}, между «{before}» и «{row}»: начисление или платёж изъяты из цепочки</translation>
    </message>
    <message>
        <source>{name} is one of: {values}</source>
        <translation>{name} — одно из: {values}</translation>
    </message>
    <message>
        <source>{night} is not a night of reservation {reservation}</source>
        <translation>{night} — не ночь брони {reservation}</translation>
    </message>
    <message>
        <source>{operator} cannot save a card from a reader here</source>
        <translation>{operator} здесь не может сохранить карту со считывателя</translation>
    </message>
    <message>
        <source>{operator} has no card page of its own here: take the card on the terminal</source>
        <translation>У {operator} здесь нет своей страницы ввода карты: примите карту на терминале</translation>
    </message>
    <message>
        <source>{path} cannot be read as a PEM certificate file</source>
        <translation>Файл {path} не читается как сертификат PEM</translation>
    </message>
    <message>
        <source>{record} {id} cannot be changed ({columns})</source>
        <translation>{record} {id} нельзя изменить ({columns})</translation>
    </message>
    <message>
        <source>{record} {id} cannot be deleted</source>
        <translation>{record} {id} нельзя удалить</translation>
    </message>
    <message>
        <source>{register} has no printer on {workstation}: a manager assigns one in Devices</source>
        <translation>У кассы {register} нет принтера на рабочем месте {workstation}: менеджер назначает его в окне «Устройства»</translation>
    </message>
    <message>
        <source>{service} is a bill moved to this account: reverse the transfer on the guest&apos;s bill, which undoes both halves</source>
        <translation>{service} — счёт, перенесённый на этот счёт компании: отмените перенос на счёте гостя, это отменит обе части</translation>
    </message>
    <message>
        <source>{service} is already on bill {bill}</source>
        <translation>«{service}» уже в счёте {bill}</translation>
    </message>
    <message>
        <source>{service} is reversed and stays where it is</source>
        <translation>«{service}» сторнирована и остаётся на месте</translation>
    </message>
    <message>
        <source>{service} was already reversed</source>
        <translation>«{service}» уже сторнирована</translation>
    </message>
    <message>
        <source>{service} was already reversed on the company&apos;s account</source>
        <translation>{service} уже отменено на счёте компании</translation>
    </message>
    <message>
        <source>{tax_id} is not a person&apos;s taxpayer number (ИНН): 12 digits with their check digits</source>
        <translation>{tax_id} — не ИНН физического лица: 12 цифр с контрольными разрядами</translation>
    </message>
    <message>
        <source>{url} is not a printer address: use tcp://, serial://, usb:// or file://</source>
        <translation>{url} — не адрес принтера: используйте tcp://, serial://, usb:// или file://</translation>
    </message>
    <message>
        <source>{user} is not a manager and may not authorise this</source>
        <translation>{user} не менеджер и не может это разрешить</translation>
    </message>
    <message>
        <source>{user} may no longer act at this desk</source>
        <translation>{user} больше не может работать за этой стойкой</translation>
    </message>
    <message>
        <source>{value} does not close an operation</source>
        <translation>{value} не завершает операцию</translation>
    </message>
    <message>
        <source>{workstation} already has a printer “{name}”</source>
        <translation>На рабочем месте {workstation} уже есть принтер «{name}»</translation>
    </message>
    <message>
        <source>{workstation} already has a terminal called {name}</source>
        <translation>У рабочего места {workstation} уже есть терминал {name}</translation>
    </message>
    <message>
        <source>“{country}” is not a country code (two letters, such as BG)</source>
        <translation>«{country}» — не код страны (две буквы, например BG)</translation>
    </message>
    <message>
        <source>“{country}” is not a country code: two letters (ISO 3166), such as BG or RU</source>
        <translation>«{country}» — не код страны: две буквы (ISO 3166), например BG или RU</translation>
    </message>
    <message>
        <source>“{text}” is not an amount</source>
        <translation>«{text}» — не сумма</translation>
    </message>
    <message>
        <source>“{text}” is not money</source>
        <translation>«{text}» — не денежная сумма</translation>
    </message>
    <message>
        <source>“{value}” is not a date (YYYY-MM-DD)</source>
        <translation>«{value}» — не дата (ГГГГ-ММ-ДД)</translation>
    </message>
    <message>
        <source>“{value}” is not a quantity</source>
        <translation>«{value}» — не количество</translation>
    </message>
    <message>
        <source>“{value}” is not a whole count of minor units</source>
        <translation>«{value}» — не целое число минимальных единиц валюты</translation>
    </message>
    <message>
        <source>“{value}” is not an amount</source>
        <translation>«{value}» — не сумма</translation>
    </message>
    <message>
        <source>“{value}” is not an exact amount</source>
        <translation>«{value}» — не точная сумма</translation>
    </message>
    <message>
        <source>“{value}” is not an exact quantity</source>
        <translation>«{value}» — не точное количество</translation>
    </message>
    <message>
        <source>A refund is a positive amount in {currency}</source>
        <translation>Возврат — положительная сумма в {currency}</translation>
    </message>
    <message>
        <source>A tip or a discount cannot be negative</source>
        <translation>Чаевые или скидка не могут быть отрицательными</translation>
    </message>
    <message>
        <source>Check {check_number} closed at {closed_at}, when {number} was not staying in the hotel (in house from {arrived} to {left})</source>
        <translation>Чек {check_number} закрыт {closed_at}, когда {number} не проживал в гостинице (проживание с {arrived} по {left})</translation>
    </message>
    <message>
        <source>Check {check_number} has {left} left to refund, not {amount}</source>
        <translation>По чеку {check_number} можно вернуть ещё {left}, а не {amount}</translation>
    </message>
    <message>
        <source>More is refunded at the tax rate {percent}% than the check holds ({left} left)</source>
        <translation>По ставке налога {percent}% возвращается больше, чем есть в чеке (осталось {left})</translation>
    </message>
    <message>
        <source>More was returned than sold at the tax rate {percent}%: the lines make {sum}</source>
        <translation>По ставке налога {percent}% возвращено больше, чем продано: строки дают {sum}</translation>
    </message>
    <message>
        <source>Nobody stayed in room {room_number} at {closed_at}</source>
        <translation>В номере {room_number} {closed_at} никто не проживал</translation>
    </message>
    <message>
        <source>POS {pos_name} looked up too many rooms: at most {limit} a minute</source>
        <translation>POS {pos_name} запросил слишком много номеров: не больше {limit} в минуту</translation>
    </message>
    <message>
        <source>Reservation {number} checked out: the desk refunds the check</source>
        <translation>Бронирование {number} выехало: возврат по чеку делает стойка</translation>
    </message>
    <message>
        <source>The key of POS {pos_name} posts to outlet {own}, not to {outlet}</source>
        <translation>Ключ POS {pos_name} проводит в точку {own}, а не в {outlet}</translation>
    </message>
    <message>
        <source>The lines ({lines}) less the discount ({discount}) with the tip ({tip}) make {sum}, not the total {total}</source>
        <translation>Строки ({lines}) минус скидка ({discount}) плюс чаевые ({tip}) дают {sum}, а не итог {total}</translation>
    </message>
    <message>
        <source>{item}: quantity must not be zero and price not negative</source>
        <translation>{item}: количество не может быть нулём, а цена — отрицательной</translation>
    </message>
    <message>
        <source>The room&apos;s share {share} is more than the check&apos;s total {total}</source>
        <translation>Доля номера {share} больше итога чека {total}</translation>
    </message>
    <message>
        <source>{value} is not a time zone (for example Europe/Sofia)</source>
        <translation>{value} — не часовой пояс (например Europe/Sofia)</translation>
    </message>
    <message>
        <source>Open items: {count}. Settle them, or give a reason to close the day over them</source>
        <translation>Незакрытых позиций: {count}. Закройте их или укажите причину, чтобы закрыть день с ними</translation>
    </message>
    <message>
        <source>Reservation {reservation} is a no-show, not confirmed</source>
        <translation>Бронь {reservation} — неявка, а не подтверждённая</translation>
    </message>
    <message>
        <source>Reservation {reservation} is a no-show, not in house</source>
        <translation>Бронь {reservation} — неявка, гость не проживает</translation>
    </message>
    <message>
        <source>The business date is {date} now, not {closed}: another desk closed the day</source>
        <translation>Операционная дата уже {date}, а не {closed}: день закрыт на другом рабочем месте</translation>
    </message>
    <message>
        <source>The city tax cannot be negative</source>
        <translation>Туристический налог не может быть отрицательным</translation>
    </message>
    <message>
        <source>The city tax from {date} is set already: set it from another date</source>
        <translation>Туристический налог с {date} уже задан: задайте его с другой даты</translation>
    </message>
    <message>
        <source>The hotel&apos;s business date is {date} already: the night audit moves it</source>
        <translation>Операционная дата отеля уже {date}: её переводит ночной аудит</translation>
    </message>
    <message>
        <source>mark a reservation as a no-show</source>
        <translation type="vanished">отмечать бронь как неявку</translation>
    </message>
    <message>
        <source>run the night audit</source>
        <translation>проводить ночной аудит</translation>
    </message>
    <message>
        <source>set the city tax</source>
        <translation>задавать туристический налог</translation>
    </message>
    <message>
        <source>An operator needs a name</source>
        <translation>Укажите название оператора</translation>
    </message>
    <message>
        <source>Choose the saved card</source>
        <translation>Выберите сохранённую карту</translation>
    </message>
    <message>
        <source>Enter the operator&apos;s secret key</source>
        <translation>Введите секретный ключ оператора</translation>
    </message>
    <message>
        <source>Name the currencies the operator takes, as EUR,CHF</source>
        <translation>Укажите валюты оператора, например EUR,CHF</translation>
    </message>
    <message>
        <source>Saved cards are kept between 1 and 3650 days after departure</source>
        <translation>Сохранённые карты хранятся от 1 до 3650 дней после выезда</translation>
    </message>
    <message>
        <source>The card page gave no card</source>
        <translation>Страница ввода карты не вернула карту</translation>
    </message>
    <message>
        <source>The desk does not know the card operator {operator}</source>
        <translation>Касса не знает карточного оператора {operator}</translation>
    </message>
    <message>
        <source>The key in {path} is not the one the secret key of {name} was saved with: copy the right key file here, or set the operator up again</source>
        <translation>Ключ в {path} не тот, которым сохранён секретный ключ {name}: скопируйте сюда нужный файл ключа или настройте оператора заново</translation>
    </message>
    <message>
        <source>There is already an operator called {name}</source>
        <translation>Оператор {name} уже есть</translation>
    </message>
    <message>
        <source>There is no card operation {record}</source>
        <translation>Операции с картой {record} нет</translation>
    </message>
    <message>
        <source>There is no card operator {operator}</source>
        <translation>Карточного оператора {operator} нет</translation>
    </message>
    <message>
        <source>There is no company {company}</source>
        <translation>Компании {company} нет</translation>
    </message>
    <message>
        <source>There is no event {event}</source>
        <translation>Мероприятия {event} нет</translation>
    </message>
    <message>
        <source>There is no reservation {reservation}</source>
        <translation>Брони {reservation} нет</translation>
    </message>
    <message>
        <source>There is no saved card {card}</source>
        <translation>Сохранённой карты {card} нет</translation>
    </message>
    <message>
        <source>This card is saved at another operator</source>
        <translation>Эта карта сохранена у другого оператора</translation>
    </message>
    <message>
        <source>This card operation was made on a card terminal: use the terminal</source>
        <translation>Эта операция сделана на карточном терминале: выполните её на терминале</translation>
    </message>
    <message>
        <source>This saved card was deleted</source>
        <translation>Эта сохранённая карта удалена</translation>
    </message>
    <message>
        <source>This was done online at {operator}: do it there, not on a terminal</source>
        <translation>Это сделано онлайн у оператора {operator}: выполните там, а не на терминале</translation>
    </message>
    <message>
        <source>This workstation has no key for the secret key of {name}: copy {path} here from the computer where it was saved, or set the operator up again</source>
        <translation>На этом рабочем месте нет ключа к секретному ключу {name}: скопируйте сюда {path} с компьютера, где он сохранён, или настройте оператора заново</translation>
    </message>
    <message>
        <source>{operator} is not set up to take {currency}</source>
        <translation>Оператор {operator} не настроен на приём {currency}</translation>
    </message>
    <message>
        <source>A card is saved on one reservation, company or event</source>
        <translation>Карта сохраняется на одной брони, компании или мероприятии</translation>
    </message>
    <message>
        <source>A refund receipt refers to its sale receipt on the same register, and {register} issued none for the refunded payment: issue the refund receipt on the register that issued the sale</source>
        <translation>Чек возврата ссылается на чек прихода той же кассы, а {register} не выдавала чек по возвращаемому платежу: оформите возврат на кассе, выдавшей чек прихода</translation>
    </message>
    <message>
        <source>A register&apos;s address is its server&apos;s URL, e.g. http://127.0.0.1:16732</source>
        <translation>Адрес кассы — это URL её сервера, например http://127.0.0.1:16732</translation>
    </message>
    <message>
        <source>A register&apos;s kind is one of {kinds}</source>
        <translation>Тип кассы — один из: {kinds}</translation>
    </message>
    <message>
        <source>A taxation system is one of {systems}</source>
        <translation>Система налогообложения — одна из: {systems}</translation>
    </message>
    <message>
        <source>A {kind} register needs a VAT code for each of our rates</source>
        <translation>Кассе {kind} нужен код НДС для каждой нашей ставки</translation>
    </message>
    <message>
        <source>A {kind} register needs its server&apos;s address</source>
        <translation>Кассе {kind} нужен адрес её сервера</translation>
    </message>
    <message>
        <source>A {kind} register needs its taxation system</source>
        <translation>Кассе {kind} нужна система налогообложения</translation>
    </message>
    <message>
        <source>Register {register} did not issue the document; try again</source>
        <translation>Касса {register} не оформила документ; повторите</translation>
    </message>
    <message>
        <source>Register {register} did not say whether it issued the document. Look at its last receipt on the register; the desk asks it again at the next start or with Shift → Check receipts. Do not issue it again by hand</source>
        <translation type="vanished">Касса {register} не ответила, оформлен ли документ. Посмотрите её последний чек; программа спросит кассу снова при следующем запуске или через Смена → Проверить чеки. Не оформляйте его повторно вручную</translation>
    </message>
    <message>
        <source>Register {register} did not say whether it printed the Z report: look at the register; closing the shift again asks it once more</source>
        <translation>Касса {register} не ответила, напечатан ли Z-отчёт: посмотрите на кассу; повторное закрытие смены спросит её ещё раз</translation>
    </message>
    <message>
        <source>Register {register} has no VAT code for the rate “{rate}”: a manager sets it (desk registers set {register} --vat ...)</source>
        <translation>У кассы {register} нет кода НДС для ставки «{rate}»: его задаёт менеджер (desk registers set {register} --vat ...)</translation>
    </message>
    <message>
        <source>Register {register} prints a copy of its last receipt only; receipt {number} is found on the register or on the fiscal data operator&apos;s site</source>
        <translation>Касса {register} печатает копию только последнего чека; чек {number} можно найти в кассе или на сайте оператора фискальных данных</translation>
    </message>
    <message>
        <source>Register {register} refused: {problem} ({words}, error {code})</source>
        <translation>Касса {register} отказала: {problem} ({words}, ошибка {code})</translation>
    </message>
    <message>
        <source>The register&apos;s server at {address} does not answer: {problem}. Check that it runs and the register is on</source>
        <translation>Сервер кассы {address} не отвечает: {problem}. Проверьте, что он запущен и касса включена</translation>
    </message>
    <message>
        <source>The register&apos;s server refused the task ({status}): {problem}</source>
        <translation>Сервер кассы отклонил задание ({status}): {problem}</translation>
    </message>
    <message>
        <source>the register has not reached the fiscal data operator (OFD) for too long: check its internet connection and the OFD contract; receipts resume once its documents are sent</source>
        <translation>касса слишком долго не передавала данные оператору фискальных данных (ОФД): проверьте её подключение к интернету и договор с ОФД; чеки снова пойдут, когда документы будут переданы</translation>
    </message>
    <message>
        <source>the register is out of paper: load a paper roll and try again</source>
        <translation>в кассе нет бумаги: вставьте рулон и повторите</translation>
    </message>
    <message>
        <source>the register refused a VAT rate: a manager checks the register&apos;s VAT codes</source>
        <translation>касса не приняла ставку НДС: менеджер проверяет коды НДС кассы</translation>
    </message>
    <message>
        <source>the register refused the taxation system: a manager checks the register&apos;s settings</source>
        <translation>касса не приняла систему налогообложения: менеджер проверяет настройки кассы</translation>
    </message>
    <message>
        <source>the register&apos;s cover is open: close it and try again</source>
        <translation>крышка кассы открыта: закройте её и повторите</translation>
    </message>
    <message>
        <source>the register&apos;s fiscal storage (FN) has expired: call the service centre to replace it; no receipt can be issued on this register until then</source>
        <translation>срок действия фискального накопителя (ФН) истёк: вызовите сервисный центр для его замены; до замены чеки на этой кассе не оформить</translation>
    </message>
    <message>
        <source>the register&apos;s fiscal storage (FN) is full: call the service centre to replace it; no receipt can be issued on this register until then</source>
        <translation>фискальный накопитель (ФН) заполнен: вызовите сервисный центр для его замены; до замены чеки на этой кассе не оформить</translation>
    </message>
    <message>
        <source>the register&apos;s printer reports a fault: switch the register off and on, then try again</source>
        <translation>принтер кассы сообщает об ошибке: выключите и включите кассу, затем повторите</translation>
    </message>
    <message>
        <source>the register&apos;s shift is already open: close it with the cash shift&apos;s Z report first</source>
        <translation>смена кассы уже открыта: сначала закройте её Z-отчётом кассовой смены</translation>
    </message>
    <message>
        <source>the register&apos;s shift is closed: open the cash shift first</source>
        <translation>смена кассы закрыта: сначала откройте кассовую смену</translation>
    </message>
    <message>
        <source>the register&apos;s shift is over 24 hours: close the cash shift (Z report) and open a new one</source>
        <translation>смена кассы длится больше 24 часов: закройте кассовую смену (Z-отчёт) и откройте новую</translation>
    </message>
    <message>
        <source>{register} is a {kind} register, which this desk does not drive yet</source>
        <translation>{register} — касса типа {kind}, с которой программа пока не работает</translation>
    </message>
    <message>
        <source>“{part}” is no rate=VAT code pair; the codes are {codes}</source>
        <translation>«{part}» — не пара ставка=код НДС; коды: {codes}</translation>
    </message>
    <message>
        <source>A code is 1 to 24 letters, digits, dots, dashes or underscores</source>
        <translation>Код — от 1 до 24 букв, цифр, точек, дефисов или подчёркиваний</translation>
    </message>
    <message>
        <source>A country is two letters (BG, RU, DE...)</source>
        <translation>Страна — две буквы (BG, RU, DE...)</translation>
    </message>
    <message>
        <source>A credit limit cannot be negative</source>
        <translation>Кредитный лимит не может быть отрицательным</translation>
    </message>
    <message>
        <source>A credit limit is in the hotel&apos;s currency, {currency}</source>
        <translation>Кредитный лимит указывается в валюте отеля, {currency}</translation>
    </message>
    <message>
        <source>A password has at least {length} characters</source>
        <translation>Пароль — не короче {length} символов</translation>
    </message>
    <message>
        <source>A password may not be one character repeated</source>
        <translation>Пароль не может состоять из одного повторённого символа</translation>
    </message>
    <message>
        <source>A password may not be the user name</source>
        <translation>Пароль не может совпадать с именем пользователя</translation>
    </message>
    <message>
        <source>A price cannot be negative</source>
        <translation>Цена не может быть отрицательной</translation>
    </message>
    <message>
        <source>A price is in the hotel&apos;s currency, {currency}</source>
        <translation>Цена указывается в валюте отеля, {currency}</translation>
    </message>
    <message>
        <source>A register&apos;s code is at most 16 characters</source>
        <translation>Код кассы — не более 16 символов</translation>
    </message>
    <message>
        <source>At most {limit} characters</source>
        <translation>Не более {limit} символов</translation>
    </message>
    <message>
        <source>Choose a clerk&apos;s, cashier&apos;s or manager&apos;s role</source>
        <translation>Выберите роль администратора, кассира или менеджера</translation>
    </message>
    <message>
        <source>Choose a password other than the one you were given</source>
        <translation>Выберите пароль, отличный от выданного вам</translation>
    </message>
    <message>
        <source>Give at least the hotel&apos;s name, its base currency and the first manager</source>
        <translation>Укажите хотя бы название отеля, его базовую валюту и первого менеджера</translation>
    </message>
    <message>
        <source>Give the hotel at least one VAT rate</source>
        <translation>Укажите хотя бы одну ставку НДС</translation>
    </message>
    <message>
        <source>The ECB&apos;s file has no rate for the hotel&apos;s currency, {currency}</source>
        <translation>В файле ЕЦБ нет курса валюты отеля, {currency}</translation>
    </message>
    <message>
        <source>The ECB&apos;s file has none of the currencies the hotel accepts</source>
        <translation>В файле ЕЦБ нет ни одной валюты, которую принимает отель</translation>
    </message>
    <message>
        <source>The hotel is set up once, at the first start</source>
        <translation>Отель настраивается один раз, при первом запуске</translation>
    </message>
    <message>
        <source>The rate of {currency} must be above zero</source>
        <translation>Курс {currency} должен быть больше нуля</translation>
    </message>
    <message>
        <source>The two passwords differ</source>
        <translation>Пароли не совпадают</translation>
    </message>
    <message>
        <source>There is already a cash register {code}</source>
        <translation>Касса {code} уже есть</translation>
    </message>
    <message>
        <source>There is already a company with tax ID {tax_id}</source>
        <translation>Компания с ИНН {tax_id} уже есть</translation>
    </message>
    <message>
        <source>There is already a payment method {code}</source>
        <translation>Способ оплаты {code} уже есть</translation>
    </message>
    <message>
        <source>There is already a service {code}</source>
        <translation>Услуга {code} уже есть</translation>
    </message>
    <message>
        <source>There is already a user {username}</source>
        <translation>Пользователь {username} уже есть</translation>
    </message>
    <message>
        <source>There is already an outlet {code}</source>
        <translation>Точка продаж {code} уже есть</translation>
    </message>
    <message>
        <source>There is no VAT rate {code}</source>
        <translation>Нет ставки НДС {code}</translation>
    </message>
    <message>
        <source>This database already holds a hotel</source>
        <translation>В этой базе данных уже есть отель</translation>
    </message>
    <message>
        <source>This is not the ECB&apos;s daily rates file (eurofxref-daily.xml)</source>
        <translation>Это не файл ежедневных курсов ЕЦБ (eurofxref-daily.xml)</translation>
    </message>
    <message>
        <source>This pre-authorisation was already captured: it is used once</source>
        <translation>Эта преавторизация уже списана: она используется один раз</translation>
    </message>
    <message>
        <source>This pre-authorisation was already released: it is used once</source>
        <translation>Эта преавторизация уже отменена: она используется один раз</translation>
    </message>
    <message>
        <source>This pre-authorisation was already used: it is used once</source>
        <translation>Эта преавторизация уже использована: она используется один раз</translation>
    </message>
    <message>
        <source>Two VAT rates have the same code</source>
        <translation>У двух ставок НДС одинаковый код</translation>
    </message>
    <message>
        <source>Type the company&apos;s name</source>
        <translation>Введите название компании</translation>
    </message>
    <message>
        <source>Type the hotel&apos;s name</source>
        <translation>Введите название отеля</translation>
    </message>
    <message>
        <source>Type the name</source>
        <translation>Введите название</translation>
    </message>
    <message>
        <source>Type the user&apos;s full name</source>
        <translation>Введите полное имя пользователя</translation>
    </message>
    <message>
        <source>Unknown time zone “{zone}”</source>
        <translation>Неизвестный часовой пояс «{zone}»</translation>
    </message>
    <message>
        <source>You cannot change your own role</source>
        <translation>Нельзя изменить собственную роль</translation>
    </message>
    <message>
        <source>You cannot deactivate yourself</source>
        <translation>Нельзя отключить самого себя</translation>
    </message>
    <message>
        <source>change the hotel&apos;s services, outlets and payment methods</source>
        <translation type="vanished">изменять услуги, точки продаж и способы оплаты отеля</translation>
    </message>
    <message>
        <source>set up the hotel</source>
        <translation>настраивать отель</translation>
    </message>
    <message>
        <source>{currency} is the hotel&apos;s base currency: its rate is 1</source>
        <translation>{currency} — базовая валюта отеля: её курс равен 1</translation>
    </message>
    <message>
        <source>{username} is the last active manager: add another manager first</source>
        <translation>{username} — последний активный менеджер: сначала добавьте другого менеджера</translation>
    </message>
    <message>
        <source>{user} must choose a new password: sign in again</source>
        <translation>{user} должен выбрать новый пароль: войдите снова</translation>
    </message>
    <message>
        <source>“{text}” is not a number</source>
        <translation>«{text}» — не число</translation>
    </message>
    <message>
        <source>A VAT rate is from 0 to 100 percent</source>
        <translation>Ставка НДС — от 0 до 100 процентов</translation>
    </message>
    <message>
        <source>A VAT rate needs a code and a name</source>
        <translation>У ставки НДС должны быть код и название</translation>
    </message>
    <message>
        <source>A user name is 2 to 40 small letters, digits, dots, dashes or underscores</source>
        <translation>Имя пользователя — от 2 до 40 строчных латинских букв, цифр, точек, дефисов или подчёркиваний</translation>
    </message>
    <message>
        <source>change the hotel&apos;s catalogue and exchange rates</source>
        <translation>изменять каталог и курсы валют отеля</translation>
    </message>
    <message>
        <source>{item}: expected CODE=VALUE</source>
        <translation>{item}: ожидается КОД=ЗНАЧЕНИЕ</translation>
    </message>
    <message>
        <source>Enter the Converge account as MerchantId/UserId, as 0022587/apiuser</source>
        <translation>Введите счёт Converge в виде MerchantId/UserId, например 0022587/apiuser</translation>
    </message>
    <message>
        <source>Enter the Saferpay JSON API user and its password as USER:PASSWORD</source>
        <translation>Введите пользователя JSON API Saferpay и его пароль в виде ПОЛЬЗОВАТЕЛЬ:ПАРОЛЬ</translation>
    </message>
    <message>
        <source>Enter the Saferpay account as CustomerId/TerminalId, as 245294/17795278</source>
        <translation>Введите счёт Saferpay в виде CustomerId/TerminalId, например 245294/17795278</translation>
    </message>
    <message>
        <source>A service needs a price</source>
        <translation>У услуги должна быть цена</translation>
    </message>
    <message>
        <source>Cancelled: nothing was written or replaced</source>
        <translation>Отменено: ничего не записано и не заменено</translation>
    </message>
    <message>
        <source>Column {column} is missing; {kind} need {columns}</source>
        <translation>Нет столбца {column}; для импорта ({kind}) нужны: {columns}</translation>
    </message>
    <message>
        <source>Line {line} has {count} values, the header {columns}</source>
        <translation>В строке {line} значений: {count}, в заголовке: {columns}</translation>
    </message>
    <message>
        <source>Nothing can be imported as {kind}</source>
        <translation>Импорт вида «{kind}» невозможен</translation>
    </message>
    <message>
        <source>Nothing can be written in {folder}: {reason}</source>
        <translation>В папку {folder} нельзя записать: {reason}</translation>
    </message>
    <message>
        <source>Only an SQLite file or a PostgreSQL database can be backed up</source>
        <translation>Копировать можно только файл SQLite или базу PostgreSQL</translation>
    </message>
    <message>
        <source>Only an SQLite file or a PostgreSQL database can be restored</source>
        <translation>Восстановить можно только файл SQLite или базу PostgreSQL</translation>
    </message>
    <message>
        <source>Only the role that owns the desk&apos;s tables may restore them; this connection is {role}</source>
        <translation type="vanished">Восстанавливать таблицы может только роль-владелец; это подключение — {role}</translation>
    </message>
    <message>
        <source>Other workstations are connected to the database: close the desk and the POS service on each of them, then restore</source>
        <translation>К базе данных подключены другие рабочие места: закройте программу и службу POS на каждом из них, затем восстанавливайте</translation>
    </message>
    <message>
        <source>The backup could not be made: {reason}</source>
        <translation>Не удалось создать копию: {reason}</translation>
    </message>
    <message>
        <source>The file is not UTF-8 text (save it as CSV UTF-8)</source>
        <translation>Файл не в кодировке UTF-8 (сохраните его как «CSV UTF-8»)</translation>
    </message>
    <message>
        <source>The file was not imported: {count} lines refused</source>
        <translation>Файл не импортирован: отклонено строк: {count}</translation>
    </message>
    <message>
        <source>The first line must name the columns; {kind} need {columns}</source>
        <translation>Первая строка должна называть столбцы; для импорта ({kind}) нужны: {columns}</translation>
    </message>
    <message>
        <source>The restore failed and nothing was replaced: {reason}</source>
        <translation>Восстановление не удалось, ничего не заменено: {reason}</translation>
    </message>
    <message>
        <source>There is no folder {folder}</source>
        <translation>Папки {folder} нет</translation>
    </message>
    <message>
        <source>Unknown column {column}; {kind} have {columns}</source>
        <translation>Неизвестный столбец {column}; для импорта ({kind}) есть: {columns}</translation>
    </message>
    <message>
        <source>back up the database</source>
        <translation>делать резервную копию базы данных</translation>
    </message>
    <message>
        <source>import data from a file</source>
        <translation>импортировать данные из файла</translation>
    </message>
    <message>
        <source>restore the database from a backup</source>
        <translation>восстанавливать базу данных из копии</translation>
    </message>
    <message>
        <source>{date} is not a date (YYYY-MM-DD)</source>
        <translation>{date} — не дата (ГГГГ-ММ-ДД)</translation>
    </message>
    <message>
        <source>“{value}” is not a whole number</source>
        <translation>«{value}» — не целое число</translation>
    </message>
    <message>
        <source>{file} cannot be read: {reason}</source>
        <translation>Файл {file} не читается: {reason}</translation>
    </message>
    <message>
        <source>{file} exists already: choose another name</source>
        <translation>Файл {file} уже существует: выберите другое имя</translation>
    </message>
    <message>
        <source>{file} is a backup of a PostgreSQL database: restore it into one</source>
        <translation>{file} — копия базы PostgreSQL: восстановите её в PostgreSQL</translation>
    </message>
    <message>
        <source>{file} is a backup of an SQLite database: restore it into one</source>
        <translation>{file} — копия базы SQLite: восстановите её в SQLite</translation>
    </message>
    <message>
        <source>{file} is damaged: {reason}</source>
        <translation>Файл {file} повреждён: {reason}</translation>
    </message>
    <message>
        <source>{file} is not a backup of the desk&apos;s database</source>
        <translation>{file} не является резервной копией базы данных программы</translation>
    </message>
    <message>
        <source>{file} was made by a newer version of the desk (schema {schema}): upgrade this one first</source>
        <translation>Файл {file} создан более новой версией программы (схема {schema}): сначала обновите эту</translation>
    </message>
    <message>
        <source>{tool} is not installed: install PostgreSQL&apos;s client programs</source>
        <translation>{tool} не установлен: установите клиентские программы PostgreSQL</translation>
    </message>
    <message>
        <source>A report covers at most {days} days</source>
        <translation>Отчёт охватывает не более {days} дней</translation>
    </message>
    <message>
        <source>A POS item or category code is 1-{limit} characters</source>
        <translation>Код блюда или категории POS — от 1 до {limit} символов</translation>
    </message>
    <message>
        <source>A POS mapping is one of: {values}</source>
        <translation>Сопоставление POS — одно из: {values}</translation>
    </message>
    <message>
        <source>A birth date cannot be in the future</source>
        <translation>Дата рождения не может быть в будущем</translation>
    </message>
    <message>
        <source>A guest&apos;s name is at most {limit} characters</source>
        <translation>Имя гостя — не более {limit} символов</translation>
    </message>
    <message>
        <source>A percentage of the room rate is from 0 to 100</source>
        <translation>Процент от стоимости номера — от 0 до 100</translation>
    </message>
    <message>
        <source>A phone number is at most {limit} characters</source>
        <translation>Номер телефона — не более {limit} символов</translation>
    </message>
    <message>
        <source>A reservation&apos;s status is confirmed or cancelled, not “{value}”</source>
        <translation type="vanished">Статус бронирования — confirmed или cancelled, а не «{value}»</translation>
    </message>
    <message>
        <source>Aged on</source>
        <translation>Сроки на</translation>
    </message>
    <message>
        <source>All brands</source>
        <translation>Все платёжные системы</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Сумма</translation>
    </message>
    <message>
        <source>An e-mail address is at most {limit} characters</source>
        <translation>Адрес электронной почты — не более {limit} символов</translation>
    </message>
    <message>
        <source>Arrival</source>
        <translation>Заезд</translation>
    </message>
    <message>
        <source>Arrival {arrival} is before the business date {date}: give the status in_house, checked_out or no_show</source>
        <translation>Заезд {arrival} раньше рабочей даты {date}: укажите статус in_house, checked_out или no_show</translation>
    </message>
    <message>
        <source>Authorised by</source>
        <translation>Разрешил</translation>
    </message>
    <message>
        <source>Average rate</source>
        <translation>Средний тариф</translation>
    </message>
    <message>
        <source>BROKEN at entry {entry} (id {id}) of {when}: {reason}</source>
        <translation>НАРУШЕНА на записи {entry} (№ {id}) от {when}: {reason}</translation>
    </message>
    <message>
        <source>BROKEN at entry {entry} of {when}: {reason}</source>
        <translation>НАРУШЕНА на записи {entry} от {when}: {reason}</translation>
    </message>
    <message>
        <source>BROKEN at {row}: {reason}</source>
        <translation>НАРУШЕНА на «{row}»: {reason}</translation>
    </message>
    <message>
        <source>Balance</source>
        <translation>Остаток</translation>
    </message>
    <message>
        <source>Bill</source>
        <translation>Счёт</translation>
    </message>
    <message>
        <source>Bill {bill} is closed by invoice {invoice}: its services stay as invoiced. Post on another bill, or credit the whole invoice first</source>
        <translation>Счёт {bill} закрыт счётом-фактурой {invoice}: его услуги остаются такими, как выставлены. Проведите на другой счёт или сначала выставьте корректировку на весь счёт-фактуру</translation>
    </message>
    <message>
        <source>Booked by the terminal, not in the ledger</source>
        <translation>Проведено терминалом, но нет в учёте</translation>
    </message>
    <message>
        <source>Business date</source>
        <translation>Операционный день</translation>
    </message>
    <message>
        <source>Business date from</source>
        <translation>Операционный день с</translation>
    </message>
    <message>
        <source>By user and authorising manager</source>
        <translation>По сотрудникам и разрешившим менеджерам</translation>
    </message>
    <message>
        <source>Card brand</source>
        <translation>Платёжная система</translation>
    </message>
    <message>
        <source>Card totals against the terminals</source>
        <translation>Итоги по картам против терминалов</translation>
    </message>
    <message>
        <source>Cash drawer by shift</source>
        <translation>Денежный ящик по сменам</translation>
    </message>
    <message>
        <source>Cash given back</source>
        <translation>Выдано наличными</translation>
    </message>
    <message>
        <source>Cash in</source>
        <translation>Внесение</translation>
    </message>
    <message>
        <source>Cash out</source>
        <translation>Выплата</translation>
    </message>
    <message>
        <source>Cash received</source>
        <translation>Получено наличными</translation>
    </message>
    <message>
        <source>Cashier</source>
        <translation>Кассир</translation>
    </message>
    <message>
        <source>Cashier report</source>
        <translation>Кассовый отчёт</translation>
    </message>
    <message>
        <source>Charge reversed</source>
        <translation>Начисление сторнировано</translation>
    </message>
    <message>
        <source>Charge voided</source>
        <translation>Начисление аннулировано</translation>
    </message>
    <message>
        <source>Charges</source>
        <translation>Начислено</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>Чек</translation>
    </message>
    <message>
        <source>Choose the services to post</source>
        <translation>Выберите услуги для начисления</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Закрыта</translation>
    </message>
    <message>
        <source>Companies by age</source>
        <translation>Компании по срокам</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>Компания</translation>
    </message>
    <message>
        <source>Count</source>
        <translation>Количество</translation>
    </message>
    <message>
        <source>Counted</source>
        <translation>Пересчитано</translation>
    </message>
    <message>
        <source>Credit limit</source>
        <translation>Кредитный лимит</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>Валюта</translation>
    </message>
    <message>
        <source>Daily revenue</source>
        <translation>Выручка за день</translation>
    </message>
    <message>
        <source>Departed with a balance</source>
        <translation>Выехавшие с остатком</translation>
    </message>
    <message>
        <source>Departure</source>
        <translation>Выезд</translation>
    </message>
    <message>
        <source>Deposit</source>
        <translation>Депозит</translation>
    </message>
    <message>
        <source>Difference</source>
        <translation>Расхождение</translation>
    </message>
    <message>
        <source>Differences</source>
        <translation>Расхождения</translation>
    </message>
    <message>
        <source>Document {document} is not one of this guest&apos;s: open the guest again</source>
        <translation>Документ {document} не принадлежит этому гостю: откройте гостя заново</translation>
    </message>
    <message>
        <source>Enter the reader&apos;s id as the operator shows it, as tmr_FDOt2wlRZEdpd7</source>
        <translation>Введите идентификатор считывателя так, как его показывает оператор, например tmr_FDOt2wlRZEdpd7</translation>
    </message>
    <message>
        <source>Enter the terminal&apos;s POIID as Adyen shows it, its model and serial number, as V400m-324688179</source>
        <translation>Введите POIID терминала так, как его показывает Adyen: модель и серийный номер, например V400m-324688179</translation>
    </message>
    <message>
        <source>Every void, refund and override</source>
        <translation>Все аннулирования, возвраты и разрешения</translation>
    </message>
    <message>
        <source>Expected</source>
        <translation>Должно быть</translation>
    </message>
    <message>
        <source>Float</source>
        <translation>Размен</translation>
    </message>
    <message>
        <source>Folio</source>
        <translation>Фолио</translation>
    </message>
    <message>
        <source>From</source>
        <translation>С</translation>
    </message>
    <message>
        <source>Front desk</source>
        <translation>Служба приёма</translation>
    </message>
    <message>
        <source>Gross</source>
        <translation>С НДС</translation>
    </message>
    <message>
        <source>Guests</source>
        <translation>Гости</translation>
    </message>
    <message>
        <source>In the ledger, not in the terminal&apos;s batch</source>
        <translation>В учёте, но не в смене терминала</translation>
    </message>
    <message>
        <source>In-house guests</source>
        <translation>Проживающие гости</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Вид</translation>
    </message>
    <message>
        <source>Ledger amount</source>
        <translation>Сумма в учёте</translation>
    </message>
    <message>
        <source>Ledger count</source>
        <translation>Операций в учёте</translation>
    </message>
    <message>
        <source>Lines posted as the default service</source>
        <translation>Строк как услуга по умолчанию</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>Способ оплаты</translation>
    </message>
    <message>
        <source>Net</source>
        <translation>Итого</translation>
    </message>
    <message>
        <source>Net of VAT</source>
        <translation>Без НДС</translation>
    </message>
    <message>
        <source>No card reader of this operator is set up at this workstation: set it in Settings, Card operators</source>
        <translation>На этом рабочем месте не настроен считыватель карт этого оператора: укажите его в Настройки, Операторы карт</translation>
    </message>
    <message>
        <source>Only Saferpay saves a card from a terminal transaction&apos;s reference</source>
        <translation>Только Saferpay сохраняет карту по номеру транзакции терминала</translation>
    </message>
    <message>
        <source>Open balances</source>
        <translation>Открытые остатки</translation>
    </message>
    <message>
        <source>Opened</source>
        <translation>Открыта</translation>
    </message>
    <message>
        <source>Opened by</source>
        <translation>Открыл</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Прочее</translation>
    </message>
    <message>
        <source>Outlet</source>
        <translation>Точка продаж</translation>
    </message>
    <message>
        <source>Over 90 days</source>
        <translation>Свыше 90 дней</translation>
    </message>
    <message>
        <source>Over the limit</source>
        <translation>Сверх лимита</translation>
    </message>
    <message>
        <source>Over/short</source>
        <translation>Излишек/недостача</translation>
    </message>
    <message>
        <source>Override</source>
        <translation>Разрешение менеджера</translation>
    </message>
    <message>
        <source>POS checks</source>
        <translation>Чеков POS</translation>
    </message>
    <message>
        <source>POS checks by outlet</source>
        <translation>Чеки POS по точкам продаж</translation>
    </message>
    <message>
        <source>POS lines posted as the outlet&apos;s default service</source>
        <translation>Строки POS, проведённые как услуга точки по умолчанию</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>Оплачено</translation>
    </message>
    <message>
        <source>Payment</source>
        <translation>Платёж</translation>
    </message>
    <message>
        <source>Payment voided</source>
        <translation>Оплата аннулирована</translation>
    </message>
    <message>
        <source>Payment {payment} has no fiscal receipt to copy</source>
        <translation>У платежа {payment} нет фискального чека, с которого печатать копию</translation>
    </message>
    <message>
        <source>Payments</source>
        <translation>Оплат</translation>
    </message>
    <message>
        <source>Payments by shift, cashier and method</source>
        <translation>Оплаты по сменам, кассирам и способам</translation>
    </message>
    <message>
        <source>Postings</source>
        <translation>Начислений</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Основание</translation>
    </message>
    <message>
        <source>Receipt</source>
        <translation>Чек</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Получено</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Запись</translation>
    </message>
    <message>
        <source>Refund</source>
        <translation>Возврат</translation>
    </message>
    <message>
        <source>Refunded</source>
        <translation>Возвращено</translation>
    </message>
    <message>
        <source>Refunds</source>
        <translation>Возвратов</translation>
    </message>
    <message>
        <source>Register {register} cannot print this receipt: its corrections at tax group {group} take off {amount} more than the lines of that group sell</source>
        <translation>Касса {register} не может напечатать этот чек: корректировки в налоговой группе {group} снимают на {amount} больше, чем продано строками этой группы</translation>
    </message>
    <message>
        <source>Register {register} did not say whether it issued the document. Look at its last receipt on the register; the desk asks it again at the next start or with Shift → Check receipts, and when it still cannot tell, a manager settles it from the register&apos;s report in Shift → Pending register documents. Do not issue it again by hand</source>
        <translation>Касса {register} не ответила, оформлен ли документ. Посмотрите её последний чек; программа спросит кассу снова при следующем запуске или через Смена → Проверить чеки, а если касса так и не ответит, менеджер закроет документ по отчёту кассы в Смена → Незавершённые документы касс. Не оформляйте его повторно вручную</translation>
    </message>
    <message>
        <source>Register {register} has no receipt {number} in the desk: its copy is found on the register or on the fiscal data operator&apos;s site</source>
        <translation>У кассы {register} нет чека {number} в программе: его копию можно найти в кассе или на сайте оператора фискальных данных</translation>
    </message>
    <message>
        <source>Register {register} prints a copy of its last receipt only; receipt {number} is read from the fiscal printer&apos;s electronic journal on the printer itself</source>
        <translation>Касса {register} печатает копию только своего последнего чека; чек {number} можно прочитать в электронном журнале на самом фискальном принтере</translation>
    </message>
    <message>
        <source>Reservation</source>
        <translation>Бронь</translation>
    </message>
    <message>
        <source>Revenue by outlet and day ({currency})</source>
        <translation>Выручка по точкам продаж и дням ({currency})</translation>
    </message>
    <message>
        <source>Revenue by outlet, service group and VAT rate</source>
        <translation>Выручка по точкам продаж, группам услуг и ставкам НДС</translation>
    </message>
    <message>
        <source>Room</source>
        <translation>Номер</translation>
    </message>
    <message>
        <source>Room nights</source>
        <translation>Проданные ночи</translation>
    </message>
    <message>
        <source>Room revenue</source>
        <translation>Выручка за номера</translation>
    </message>
    <message>
        <source>Service group</source>
        <translation>Группа услуг</translation>
    </message>
    <message>
        <source>Shift</source>
        <translation>Смена</translation>
    </message>
    <message>
        <source>Someone is signed in at other workstations ({desks}): sign out there, then restore</source>
        <translation>На других рабочих местах выполнен вход ({desks}): выйдите там из программы, затем восстанавливайте</translation>
    </message>
    <message>
        <source>Takings by hour and method ({currency})</source>
        <translation>Поступления по часам и способам ({currency})</translation>
    </message>
    <message>
        <source>Terminal</source>
        <translation>Терминал</translation>
    </message>
    <message>
        <source>Terminal amount</source>
        <translation>Сумма по терминалу</translation>
    </message>
    <message>
        <source>Terminal count</source>
        <translation>Операций по терминалу</translation>
    </message>
    <message>
        <source>Terminal end of day against the ledger</source>
        <translation>Закрытие дня терминала против учёта</translation>
    </message>
    <message>
        <source>The fiscal printer of register {register} did not tell its serial number: check it in ErpNet.FP</source>
        <translation>Фискальный принтер кассы {register} не сообщил свой серийный номер: проверьте его в ErpNet.FP</translation>
    </message>
    <message>
        <source>The receipt&apos;s unique sale number is missing: nothing was sent to the register</source>
        <translation>Нет уникального номера продажи чека: в кассу ничего не отправлено</translation>
    </message>
    <message>
        <source>The register cannot have issued it at {when}: the desk asked for it at {asked}</source>
        <translation>Касса не могла выдать его в {when}: программа запросила его в {asked}</translation>
    </message>
    <message>
        <source>The report ends on {last} before it begins on {first}</source>
        <translation>Отчёт заканчивается {last}, раньше, чем начинается ({first})</translation>
    </message>
    <message>
        <source>The terminal sent only its total: no payment can be named</source>
        <translation>Терминал прислал только общий итог: платёж назвать нельзя</translation>
    </message>
    <message>
        <source>There is no company {company}: import it first</source>
        <translation>Компании {company} нет: сначала импортируйте её</translation>
    </message>
    <message>
        <source>There is no report called {name}</source>
        <translation>Отчёта {name} нет</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Время</translation>
    </message>
    <message>
        <source>To</source>
        <translation>По</translation>
    </message>
    <message>
        <source>Type the date and time the register&apos;s report shows, like 07.12.2026 14:05</source>
        <translation>Введите дату и время из отчёта кассы, например 07.12.2026 14:05</translation>
    </message>
    <message>
        <source>Type the document number the register&apos;s report shows</source>
        <translation>Введите номер документа из отчёта кассы</translation>
    </message>
    <message>
        <source>Type the fiscal sign (ФП) the register&apos;s report shows: up to 10 digits</source>
        <translation>Введите фискальный признак (ФП) из отчёта кассы: до 10 цифр</translation>
    </message>
    <message>
        <source>Type the transaction reference as the terminal&apos;s receipt shows it, as 1:100002:1:87768996410</source>
        <translation>Введите номер транзакции так, как он напечатан на чеке терминала, например 1:100002:1:87768996410</translation>
    </message>
    <message>
        <source>Type the unique sale number as the printer&apos;s report shows it, like DT279013-0001-0000042</source>
        <translation>Введите уникальный номер продажи так, как он указан в отчёте принтера, например DT279013-0001-0000042</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Сотрудник</translation>
    </message>
    <message>
        <source>VAT</source>
        <translation>НДС</translation>
    </message>
    <message>
        <source>VAT %</source>
        <translation>НДС %</translation>
    </message>
    <message>
        <source>Voided</source>
        <translation>Аннулировано</translation>
    </message>
    <message>
        <source>Voids</source>
        <translation>Аннулирований</translation>
    </message>
    <message>
        <source>Voids, refunds and overrides</source>
        <translation>Аннулирования, возвраты и разрешения</translation>
    </message>
    <message>
        <source>Workstation</source>
        <translation>Рабочее место</translation>
    </message>
    <message>
        <source>accommodation</source>
        <translation>проживание</translation>
    </message>
    <message>
        <source>audit trail: {found}</source>
        <translation>журнал аудита: {found}</translation>
    </message>
    <message>
        <source>document {number} is missing (found {found})</source>
        <translation>нет документа {number} (найден {found})</translation>
    </message>
    <message>
        <source>documents {first} to {last} are missing: the anchor of {date} names document {last}</source>
        <translation>нет документов с {first} по {last}: якорь от {date} называет документ {last}</translation>
    </message>
    <message>
        <source>entries {first} to {last}</source>
        <translation>записи с {first} по {last}</translation>
    </message>
    <message>
        <source>entries {first} to {last} removed: the anchor of the night audit of {date} names entry {last} of {when}</source>
        <translation>удалены записи с {first} по {last}: якорь ночного аудита за {date} называет запись {last} от {when}</translation>
    </message>
    <message>
        <source>entry {entry}</source>
        <translation>запись {entry}</translation>
    </message>
    <message>
        <source>fiscal journal of {register}: document {number}: {found}</source>
        <translation>фискальный журнал кассы {register}: документ {number}: {found}</translation>
    </message>
    <message>
        <source>food</source>
        <translation>питание</translation>
    </message>
    <message>
        <source>it does not follow the entry before it (an entry was removed or changed before it)</source>
        <translation>она не следует за предыдущей записью (запись перед ней удалена или изменена)</translation>
    </message>
    <message>
        <source>it does not follow the previous document&apos;s sign</source>
        <translation>он не следует за подписью предыдущего документа</translation>
    </message>
    <message>
        <source>it is not the document the anchor of {date} names (sign {sign}...)</source>
        <translation>это не тот документ, который называет якорь от {date} (подпись {sign}...)</translation>
    </message>
    <message>
        <source>it is not the entry the anchor of the night audit of {date} names (hash {anchored}..., here {here}...): the trail was written again from there</source>
        <translation>это не та запись, которую называет якорь ночного аудита за {date} (хеш {anchored}..., здесь {here}...): журнал переписан с этого места</translation>
    </message>
    <message>
        <source>it is not the link the anchor of the night audit of {date} names: the chain was written again from there</source>
        <translation>это не то звено, которое называет якорь ночного аудита за {date}: цепочка переписана с этого места</translation>
    </message>
    <message>
        <source>it was changed after it was written (on {when} UTC): its content no longer matches its link</source>
        <translation>изменено после записи ({when} по всемирному времени): содержимое больше не совпадает со звеном цепочки</translation>
    </message>
    <message>
        <source>it was removed (chained after {before})</source>
        <translation>удалено (стояло в цепочке после «{before}»)</translation>
    </message>
    <message>
        <source>its content is not readable</source>
        <translation>содержимое нечитаемо</translation>
    </message>
    <message>
        <source>its content was rewritten</source>
        <translation>содержимое переписано</translation>
    </message>
    <message>
        <source>its hash does not match its content (the entry was changed)</source>
        <translation>хеш не совпадает с содержимым (запись изменена)</translation>
    </message>
    <message>
        <source>its link does not follow the one before (a link was changed)</source>
        <translation>звено не следует за предыдущим (звено изменено)</translation>
    </message>
    <message>
        <source>its printer is not ready, and its answer does not say why: check the printer and its server</source>
        <translation>её принтер не готов, а в её ответе не сказано почему: проверьте принтер и его сервер</translation>
    </message>
    <message>
        <source>its sign does not match its content</source>
        <translation>подпись не совпадает с содержимым</translation>
    </message>
    <message>
        <source>its time is not readable</source>
        <translation>время нечитаемо</translation>
    </message>
    <message>
        <source>its time was changed ({value}, recorded as {recorded})</source>
        <translation>время изменено ({value}, записано {recorded})</translation>
    </message>
    <message>
        <source>its {column} was changed ({value}, recorded as {recorded})</source>
        <translation>поле {column} изменено ({value}, записано {recorded})</translation>
    </message>
    <message>
        <source>its {column} was changed ({value}, signed as {signed})</source>
        <translation>поле {column} изменено ({value}, подписано {signed})</translation>
    </message>
    <message>
        <source>laundry</source>
        <translation>прачечная</translation>
    </message>
    <message>
        <source>ledger chain: {found}</source>
        <translation>цепочка проводок: {found}</translation>
    </message>
    <message>
        <source>ledger: and {count} more bills</source>
        <translation>проводки: и ещё счетов: {count}</translation>
    </message>
    <message>
        <source>ledger: bill {bill} in {currency}: its rows add up to charges {charges} and payments {paid}, but as they were written they came to {kept_charges} and {kept_paid} (a row was changed or removed)</source>
        <translation>проводки: счёт {bill} в {currency}: его строки дают начисления {charges} и платежи {paid}, а при записи было {kept_charges} и {kept_paid} (строка изменена или удалена)</translation>
    </message>
    <message>
        <source>link {link}</source>
        <translation>звено {link}</translation>
    </message>
    <message>
        <source>links {first} to {last}</source>
        <translation>звенья с {first} по {last}</translation>
    </message>
    <message>
        <source>links {first} to {last} removed: the anchor of the night audit of {date} names link {last}</source>
        <translation>удалены звенья с {first} по {last}: якорь ночного аудита за {date} называет звено {last}</translation>
    </message>
    <message>
        <source>minibar</source>
        <translation>мини-бар</translation>
    </message>
    <message>
        <source>no link names it: it was written behind the desk</source>
        <translation>ни одно звено его не называет: записано в обход программы</translation>
    </message>
    <message>
        <source>parking</source>
        <translation>парковка</translation>
    </message>
    <message>
        <source>payment {id}</source>
        <translation>платёж {id}</translation>
    </message>
    <message>
        <source>posting {id}</source>
        <translation>начисление {id}</translation>
    </message>
    <message>
        <source>read the hotel&apos;s reports</source>
        <translation>читать отчёты гостиницы</translation>
    </message>
    <message>
        <source>settle a register&apos;s document by hand</source>
        <translation>закрыть документ кассы вручную</translation>
    </message>
    <message>
        <source>spa</source>
        <translation>спа</translation>
    </message>
    <message>
        <source>tax</source>
        <translation>налог</translation>
    </message>
    <message>
        <source>0-30 days</source>
        <translation>0–30 дней</translation>
    </message>
    <message>
        <source>31-60 days</source>
        <translation>31–60 дней</translation>
    </message>
    <message>
        <source>61-90 days</source>
        <translation>61–90 дней</translation>
    </message>
    <message>
        <source>The first day is after the last</source>
        <translation>Первый день позже последнего</translation>
    </message>
    <message>
        <source>The night audit is done, but the audit trail&apos;s anchor could not be written to {path} ({reason}): fix the anchor folder and run “desk audit anchor”</source>
        <translation>Ночной аудит выполнен, но якорь журнала аудита не удалось записать в {path} ({reason}): исправьте папку якорей и выполните «desk audit anchor»</translation>
    </message>
    <message>
        <source>There is no kind of entry “{kind}”</source>
        <translation>Нет вида записей «{kind}»</translation>
    </message>
    <message>
        <source>read the audit trail</source>
        <translation>читать журнал аудита</translation>
    </message>
    <message>
        <source>A {kind} cannot be sent by e-mail</source>
        <translation>Документ «{kind}» нельзя отправить по эл. почте</translation>
    </message>
    <message>
        <source>Documents can be in {languages}; “{language}” is not one of them</source>
        <translation>Документы бывают на языках {languages}; «{language}» среди них нет</translation>
    </message>
    <message>
        <source>The e-mail {id} has no document to attach</source>
        <translation>В письме {id} нет документа для вложения</translation>
    </message>
    <message>
        <source>the anchor file holds a line that is not an anchor</source>
        <translation>в файле якорей есть строка, которая не является якорем</translation>
    </message>
    <message>
        <source>the disk is full</source>
        <translation>диск заполнен</translation>
    </message>
    <message>
        <source>the disk is read-only</source>
        <translation>диск только для чтения</translation>
    </message>
    <message>
        <source>the disk reported an error</source>
        <translation>диск сообщил об ошибке</translation>
    </message>
    <message>
        <source>the folder cannot be found</source>
        <translation>папка не найдена</translation>
    </message>
    <message>
        <source>the system refused it (the log says why)</source>
        <translation>система отказала (причина — в журнале)</translation>
    </message>
    <message>
        <source>A credit limit cannot be below zero</source>
        <translation>Кредитный лимит не может быть меньше нуля</translation>
    </message>
    <message>
        <source>a file is in the way of the folder</source>
        <translation>на месте папки лежит файл</translation>
    </message>
    <message>
        <source>a folder is in the way of the file</source>
        <translation>на месте файла лежит папка</translation>
    </message>
    <message>
        <source>e-mail a document to the payer</source>
        <translation>отправлять документы плательщику по эл. почте</translation>
    </message>
    <message>
        <source>no permission to write there</source>
        <translation>нет прав на запись туда</translation>
    </message>
    <message>
        <source>set a guest&apos;s credit limit</source>
        <translation>устанавливать кредитный лимит гостя</translation>
    </message>
    <message>
        <source>Bill {bill} has nothing to invoice</source>
        <translation>В счёте {bill} нечего выставлять</translation>
    </message>
    <message>
        <source>Bill {bill} holds an amount in {currency}: an invoice is in the hotel&apos;s currency, {base}</source>
        <translation>В счёте {bill} есть сумма в {currency}: счёт выставляется в валюте гостиницы, {base}</translation>
    </message>
    <message>
        <source>Bill {bill} is already on invoice {invoice}: issue a credit note for the whole invoice before invoicing the bill again</source>
        <translation>Счёт {bill} уже выставлен в счёте {invoice}: оформите кредит-ноту на весь счёт, прежде чем выставлять его снова</translation>
    </message>
    <message>
        <source>Bill {bill} is another buyer&apos;s: one invoice is for one buyer&apos;s bills</source>
        <translation>Счёт {bill} другого покупателя: один счёт выставляется на счета одного покупателя</translation>
    </message>
    <message>
        <source>Choose the bills to invoice</source>
        <translation>Выберите счета для выставления</translation>
    </message>
    <message>
        <source>Company {company} has no account</source>
        <translation>У компании {company} нет лицевого счёта</translation>
    </message>
    <message>
        <source>Credit either an amount or chosen lines, not both</source>
        <translation>Укажите либо сумму, либо строки, но не то и другое</translation>
    </message>
    <message>
        <source>Invoice {invoice} has no line {line}</source>
        <translation>В счёте {invoice} нет строки {line}</translation>
    </message>
    <message>
        <source>Invoice {invoice} has {left} left to credit: {amount} is more</source>
        <translation>По счёту {invoice} можно вернуть ещё {left}: {amount} больше</translation>
    </message>
    <message>
        <source>Invoice {invoice} is credited in full</source>
        <translation>Счёт {invoice} уже возвращён полностью</translation>
    </message>
    <message>
        <source>Invoice {number} does not match what was issued: its record was changed</source>
        <translation>Счёт {number} не совпадает с выставленным: запись была изменена</translation>
    </message>
    <message>
        <source>Line {line} of invoice {invoice} has {left} left to credit: {amount} is more</source>
        <translation>По строке {line} счёта {invoice} можно вернуть ещё {left}: {amount} больше</translation>
    </message>
    <message>
        <source>Say why the invoice is credited</source>
        <translation>Укажите причину кредит-ноты</translation>
    </message>
    <message>
        <source>The company has no bill to invoice</source>
        <translation>У компании нет счетов для выставления</translation>
    </message>
    <message>
        <source>The invoice is in {currency}</source>
        <translation>Счёт выставлен в {currency}</translation>
    </message>
    <message>
        <source>{value} is not a list of lines such as 1,3 or 2:50.00</source>
        <translation>{value} — не список строк вида 1,3 или 2:50.00</translation>
    </message>
    <message>
        <source>{value} is not a list of numbers such as 1,2</source>
        <translation>{value} — не список номеров вида 1,2</translation>
    </message>
    <message>
        <source>A credit note credits a positive amount</source>
        <translation>Кредит-нота возвращает положительную сумму</translation>
    </message>
    <message>
        <source>There is no invoice {number}</source>
        <translation>Счёта {number} нет</translation>
    </message>
    <message>
        <source>issue a credit note</source>
        <translation>оформить кредит-ноту</translation>
    </message>
    <message>
        <source>issue an invoice</source>
        <translation>выставить счёт</translation>
    </message>
    <message>
        <source>Enter the operator&apos;s reference for it</source>
        <translation>Введите номер операции у оператора</translation>
    </message>
    <message>
        <source>The desk could not reach {operator} at {address}: {reason}</source>
        <translation>Не удалось связаться с {operator} по адресу {address}: {reason}</translation>
    </message>
    <message>
        <source>{operator} refused the account or the key: {reason}</source>
        <translation>{operator} отклонил счёт или ключ: {reason}</translation>
    </message>
    <message>
        <source>A card is saved from the operator&apos;s card page or from the terminal</source>
        <translation>Карта сохраняется со страницы оператора или с терминала</translation>
    </message>
    <message>
        <source>A card saved by hand cannot be recorded: settle it as not done and save the card again</source>
        <translation>Карту, сохранённую вручную, нельзя записать: отметьте операцию как не выполненную и сохраните карту заново</translation>
    </message>
    <message>
        <source>The operator must show {amount}, the amount it was asked for</source>
        <translation>У оператора должна быть сумма {amount} — та, что была запрошена</translation>
    </message>
    <message>
        <source>This looks like a card number: enter the operator&apos;s reference, never the card</source>
        <translation>Это похоже на номер карты: введите номер операции у оператора, а не карту</translation>
    </message>
    <message>
        <source>Keep from 1 to {most} backups</source>
        <translation>Храните от 1 до {most} резервных копий</translation>
    </message>
    <message>
        <source>No backup folder is set: a manager sets it and how many backups to keep first</source>
        <translation>Папка для резервных копий не задана: сначала менеджер задаёт её и сколько копий хранить</translation>
    </message>
    <message>
        <source>Only the role that owns the desk&apos;s tables may restore them (a restore replaces the schema); this connection is {role}: run desk restore with the owner&apos;s database address</source>
        <translation>Восстанавливать таблицы может только роль-владелец (восстановление заменяет схему); это подключение — {role}: запустите desk restore с адресом базы данных владельца</translation>
    </message>
    <message>
        <source>The anchor file {file} cannot be read, so the backup cannot be checked: {reason}</source>
        <translation>Файл якорей {file} не читается, поэтому резервную копию нельзя проверить: {reason}</translation>
    </message>
    <message>
        <source>The backup folder must be a full path, such as /var/backups/desk</source>
        <translation>Папка для резервных копий должна быть задана полным путём, например /var/backups/desk</translation>
    </message>
    <message>
        <source>The key file of register {register} is not on this machine: copy it to {path} from the workstation where the register&apos;s documents were signed before restoring; nothing was replaced</source>
        <translation>Файла ключа кассы {register} на этом компьютере нет: перед восстановлением скопируйте его в {path} с рабочего места, где подписывались документы кассы; ничего не заменено</translation>
    </message>
    <message>
        <source>{file} does not hold what was written, and nothing was replaced: {found}</source>
        <translation>{file} не содержит того, что было записано; ничего не заменено: {found}</translation>
    </message>
    <message>
        <source>{file} is older than the audit trail&apos;s last anchor: the trail&apos;s later anchored entries are missing (entries {first} to {last}, anchored by the night audit of {date}). Restoring it loses them: a manager must confirm the restore</source>
        <translation>{file} старше последнего якоря журнала аудита: в нём нет более поздних заякоренных записей журнала (записи с {first} по {last}, заякорены ночным аудитом за {date}). Восстановление их потеряет: менеджер должен подтвердить восстановление</translation>
    </message>
    <message>
        <source>{file} is older than the last Z report of register {register}: its fiscal documents {first} to {last} are missing. Restoring it loses them: a manager must confirm the restore</source>
        <translation>{file} старше последнего Z-отчёта кассы {register}: в нём нет её фискальных документов с {first} по {last}. Восстановление их потеряет: менеджер должен подтвердить восстановление</translation>
    </message>
    <message>
        <source>A backup is checked in a scratch database, {name}, which {role} may not create: give the role CREATEDB, or have the server&apos;s administrator create {name} owned by {role}</source>
        <translation>Резервная копия проверяется во временной базе данных {name}, которую роль {role} не может создать: дайте роли право CREATEDB или попросите администратора сервера создать {name} с владельцем {role}</translation>
    </message>
    <message>
        <source>The scratch database could not be emptied: {reason}</source>
        <translation>Не удалось очистить временную базу данных: {reason}</translation>
    </message>
    <message>
        <source>restore a backup older than the last anchored entries</source>
        <translation>восстанавливать резервную копию старше последних заякоренных записей</translation>
    </message>
    <message>
        <source>the register recorded the receipt but did not print it; check its paper and cover</source>
        <translation>касса зарегистрировала чек, но не напечатала его; проверьте бумагу и крышку</translation>
    </message>
</context>
<context>
    <name>DeskText</name>
    <message>
        <source>Bill {bill}, {payer}</source>
        <translation>Счёт {bill}, {payer}</translation>
    </message>
    <message>
        <source>From deposit</source>
        <translation>С депозита</translation>
    </message>
    <message>
        <source>Payment {payment} refunded outside the desk</source>
        <translation>Оплата {payment} возвращена вне кассы</translation>
    </message>
    <message>
        <source>Refund of payment {payment}</source>
        <translation>Возврат оплаты {payment}</translation>
    </message>
    <message>
        <source>Refund of payment {payment}: {card}</source>
        <translation>Возврат оплаты {payment}: {card}</translation>
    </message>
    <message>
        <source>Reversal of payment {payment}: {card}</source>
        <translation>Отмена оплаты {payment}: {card}</translation>
    </message>
    <message>
        <source>Reversal of the transfer to {company}</source>
        <translation>Отмена переноса на счёт компании {company}</translation>
    </message>
    <message>
        <source>To bill {bill}</source>
        <translation>На счёт {bill}</translation>
    </message>
    <message>
        <source>To the account of {company}</source>
        <translation>На счёт компании {company}</translation>
    </message>
    <message>
        <source>Void of payment {payment}</source>
        <translation>Аннулирование оплаты {payment}</translation>
    </message>
    <message>
        <source>auth {auth}</source>
        <translation>код авторизации {auth}</translation>
    </message>
    <message>
        <source>receipt {receipt}</source>
        <translation>чек {receipt}</translation>
    </message>
    <message>
        <source>trace {trace}</source>
        <translation>номер операции {trace}</translation>
    </message>
    <message>
        <source>ref. {reference}</source>
        <translation>номер {reference}</translation>
    </message>
</context>
<context>
    <name>Devices</name>
    <message>
        <source>not answering</source>
        <translation>не отвечает</translation>
    </message>
    <message>
        <source>cover open</source>
        <translation>крышка открыта</translation>
    </message>
    <message>
        <source>paper out</source>
        <translation>нет бумаги</translation>
    </message>
    <message>
        <source>not ready, cutter jammed</source>
        <translation>не готов, заело нож</translation>
    </message>
    <message>
        <source>not ready, printing unit fault</source>
        <translation>не готов, сбой печатающего узла</translation>
    </message>
    <message>
        <source>not ready, print head overheated</source>
        <translation>не готов, перегрета печатающая головка</translation>
    </message>
    <message>
        <source>offline</source>
        <translation>не в сети</translation>
    </message>
    <message>
        <source>ready, paper low</source>
        <translation>готов, бумага кончается</translation>
    </message>
    <message>
        <source>ready</source>
        <translation>готов</translation>
    </message>
    <message>
        <source>drawer open</source>
        <translation>ящик открыт</translation>
    </message>
    <message>
        <source>drawer closed</source>
        <translation>ящик закрыт</translation>
    </message>
    <message>
        <source>Cash drawer</source>
        <translation>Денежный ящик</translation>
    </message>
    <message>
        <source>The payment is recorded, but the cash drawer did not open: {error}</source>
        <translation>Платёж записан, но денежный ящик не открылся: {error}</translation>
    </message>
    <message>
        <source>The drawer was told to open, but the printer reports it closed.</source>
        <translation>Ящику дана команда открыться, но принтер сообщает, что он закрыт.</translation>
    </message>
    <message>
        <source>The cash drawer did not open: {error}</source>
        <translation>Денежный ящик не открылся: {error}</translation>
    </message>
</context>
<context>
    <name>DevicesDialog</name>
    <message>
        <source>Devices</source>
        <translation>Устройства</translation>
    </message>
    <message>
        <source>&amp;Workstation:</source>
        <translation>&amp;Рабочее место:</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Имя</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Адрес</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Модель</translation>
    </message>
    <message>
        <source>Paper</source>
        <translation>Бумага</translation>
    </message>
    <message>
        <source>Register</source>
        <translation>Касса</translation>
    </message>
    <message>
        <source>Drawer</source>
        <translation>Ящик</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Состояние</translation>
    </message>
    <message>
        <source>&amp;Add…</source>
        <translation>&amp;Добавить…</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Изменить…</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Удалить</translation>
    </message>
    <message>
        <source>Print &amp;test page</source>
        <translation>Печать &amp;тестовой страницы</translation>
    </message>
    <message>
        <source>Refresh &amp;status</source>
        <translation>Обновить &amp;состояние</translation>
    </message>
    <message>
        <source>&lt;b&gt;Card terminals&lt;/b&gt;</source>
        <translation>&lt;b&gt;Карточные терминалы&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>Валюта</translation>
    </message>
    <message>
        <source>Add &amp;terminal…</source>
        <translation>Добавить &amp;терминал…</translation>
    </message>
    <message>
        <source>Remove t&amp;erminal</source>
        <translation>Удалить т&amp;ерминал</translation>
    </message>
    <message>
        <source>The terminal prints its &amp;own slips</source>
        <translation>Терминал печатает слипы &amp;сам</translation>
    </message>
    <message>
        <source>Otherwise the guest&apos;s slip comes out of this workstation&apos;s receipt printer</source>
        <translation>Иначе слип гостя печатает чековый принтер этого рабочего места</translation>
    </message>
    <message>
        <source>Print the &amp;merchant&apos;s copy too</source>
        <translation>Печатать и экземпляр &amp;отеля</translation>
    </message>
    <message>
        <source>The receipt printer prints the hotel&apos;s copy of each card slip after the guest&apos;s</source>
        <translation>Чековый принтер печатает экземпляр отеля после экземпляра гостя</translation>
    </message>
    <message>
        <source>text as image</source>
        <translation>текст картинкой</translation>
    </message>
    <message>
        <source>{mm} mm</source>
        <translation>{mm} мм</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>да</translation>
    </message>
    <message>
        <source>asking…</source>
        <translation>опрос…</translation>
    </message>
    <message>
        <source>Printing a test page on {printer}…</source>
        <translation>Печать тестовой страницы на {printer}…</translation>
    </message>
    <message>
        <source>Test page printed on {printer}.</source>
        <translation>Тестовая страница напечатана на {printer}.</translation>
    </message>
    <message>
        <source>The test page did not print on {printer}: {error}</source>
        <translation>Тестовая страница не напечатана на {printer}: {error}</translation>
    </message>
</context>
<context>
    <name>Dialogs</name>
    <message>
        <source>The amount cannot be negative.</source>
        <translation>Сумма не может быть отрицательной.</translation>
    </message>
    <message>
        <source>The amount must be more than zero.</source>
        <translation>Сумма должна быть больше нуля.</translation>
    </message>
    <message>
        <source>The amount is too large.</source>
        <translation>Сумма слишком велика.</translation>
    </message>
    <message>
        <source>{currency} amounts have no decimals.</source>
        <translation>Суммы в {currency} не имеют дробной части.</translation>
    </message>
    <message>
        <source>{currency} amounts have at most {digits} decimals.</source>
        <translation>Суммы в {currency} имеют не более {digits} знаков после запятой.</translation>
    </message>
    <message>
        <source>At most {amount}.</source>
        <translation>Не более {amount}.</translation>
    </message>
    <message>
        <source>The quantity must be more than zero.</source>
        <translation>Количество должно быть больше нуля.</translation>
    </message>
    <message>
        <source>The quantity is too large.</source>
        <translation>Количество слишком велико.</translation>
    </message>
    <message>
        <source>A quantity has at most 3 decimals.</source>
        <translation>Количество имеет не более 3 знаков после запятой.</translation>
    </message>
    <message>
        <source>Bill {number} · {payer}</source>
        <translation>Счёт {number} · {payer}</translation>
    </message>
    <message>
        <source>Bill {number} · {payer} · balance {balance}</source>
        <translation>Счёт {number} · {payer} · остаток {balance}</translation>
    </message>
    <message>
        <source>This needs a manager&apos;s approval: the manager types their user name and password below, then Apply.</source>
        <translation>Нужно разрешение менеджера: менеджер вводит ниже своё имя пользователя и пароль, затем «Применить».</translation>
    </message>
    <message>
        <source>Am&amp;ount:</source>
        <translation>Су&amp;мма:</translation>
    </message>
    <message>
        <source>Manager&apos;s &amp;user name:</source>
        <translation>&amp;Имя пользователя менеджера:</translation>
    </message>
    <message>
        <source>Pass&amp;word:</source>
        <translation>Паро&amp;ль:</translation>
    </message>
    <message>
        <source>A manager must sign this.</source>
        <translation>Требуется подпись менеджера.</translation>
    </message>
    <message>
        <source>Enter the manager&apos;s password.</source>
        <translation>Введите пароль менеджера.</translation>
    </message>
</context>
<context>
    <name>Documents</name>
    <message>
        <source>Front desk</source>
        <translation>Стойка регистрации</translation>
    </message>
</context>
<context>
    <name>EmailDocument</name>
    <message>
        <source>The mail server refused the connection</source>
        <translation>Почтовый сервер отклонил соединение</translation>
    </message>
    <message>
        <source>The mail server refused the user and password</source>
        <translation>Почтовый сервер не принял логин и пароль</translation>
    </message>
    <message>
        <source>The mail server did not answer in time</source>
        <translation>Почтовый сервер не ответил вовремя</translation>
    </message>
    <message>
        <source>The mail server&apos;s certificate is not trusted</source>
        <translation>Сертификату почтового сервера нет доверия</translation>
    </message>
    <message>
        <source>The mail server refused the recipient</source>
        <translation>Почтовый сервер отклонил получателя</translation>
    </message>
    <message>
        <source>The mail server did not take the e-mail</source>
        <translation>Почтовый сервер не принял письмо</translation>
    </message>
</context>
<context>
    <name>EmailDocumentDialog</name>
    <message>
        <source>E-mail folio</source>
        <translation>Отправить фолио по эл. почте</translation>
    </message>
    <message>
        <source>&amp;Send</source>
        <translation>&amp;Отправить</translation>
    </message>
    <message>
        <source>Folio {owner}</source>
        <translation>Фолио {owner}</translation>
    </message>
    <message>
        <source>The whole folio</source>
        <translation>Всё фолио</translation>
    </message>
    <message>
        <source>Bill {number} ({payer})</source>
        <translation>Счёт {number} ({payer})</translation>
    </message>
    <message>
        <source>&amp;Document:</source>
        <translation>&amp;Документ:</translation>
    </message>
    <message>
        <source>payer@example.com</source>
        <translation>payer@example.com</translation>
    </message>
    <message>
        <source>&amp;E-mail address:</source>
        <translation>&amp;Адрес эл. почты:</translation>
    </message>
    <message>
        <source>&amp;Language of the document:</source>
        <translation>&amp;Язык документа:</translation>
    </message>
    <message>
        <source>The PDF is made now, as the folio stands, and sent in the background; the list below shows whether the mail server took it.</source>
        <translation>PDF создаётся сейчас, по текущему состоянию фолио, и отправляется в фоне; список ниже показывает, принял ли его почтовый сервер.</translation>
    </message>
    <message>
        <source>Queued</source>
        <translation>Поставлено</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>Документ</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Кому</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Состояние</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Ошибка</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>О&amp;бновить</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Закрыть</translation>
    </message>
    <message>
        <source>Credit note {number}</source>
        <translation>Кредит-нота {number}</translation>
    </message>
    <message>
        <source>Invoice {number}</source>
        <translation>Счёт-фактура {number}</translation>
    </message>
    <message>
        <source>sent {when}</source>
        <translation>отправлено {when}</translation>
    </message>
    <message>
        <source>not sent yet, tried {count} times</source>
        <translation>ещё не отправлено, попыток: {count}</translation>
    </message>
    <message>
        <source>queued</source>
        <translation>в очереди</translation>
    </message>
    <message>
        <source>Folio</source>
        <translation>Фолио</translation>
    </message>
    <message>
        <source>Bill {number}</source>
        <translation>Счёт {number}</translation>
    </message>
    <message>
        <source>Invoice</source>
        <translation>Счёт-фактура</translation>
    </message>
    <message>
        <source>{email} is not an e-mail address</source>
        <translation>{email} — не адрес эл. почты</translation>
    </message>
</context>
<context>
    <name>FolioTableModel</name>
    <message>
        <source>Room</source>
        <translation>Номер</translation>
    </message>
    <message>
        <source>Guests / name</source>
        <translation>Гости / имя</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Номер брони</translation>
    </message>
    <message>
        <source>Arrival</source>
        <translation>Заезд</translation>
    </message>
    <message>
        <source>Departure</source>
        <translation>Выезд</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>Компания</translation>
    </message>
    <message>
        <source>Balance</source>
        <translation>Остаток</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Тип</translation>
    </message>
    <message>
        <source>Confirmed</source>
        <translation>Подтверждено</translation>
    </message>
    <message>
        <source>In house</source>
        <translation>Проживает</translation>
    </message>
    <message>
        <source>Checked out</source>
        <translation>Выехал</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Отменено</translation>
    </message>
    <message>
        <source>No-show</source>
        <translation>Незаезд</translation>
    </message>
    <message>
        <source>Reservation</source>
        <translation>Бронирование</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Мероприятие</translation>
    </message>
    <message>
        <source>Walk-in client</source>
        <translation>Клиент без брони</translation>
    </message>
</context>
<context>
    <name>GuestDialog</name>
    <message>
        <source>Passport</source>
        <translation>Паспорт</translation>
    </message>
    <message>
        <source>Identity card</source>
        <translation>Удостоверение личности</translation>
    </message>
    <message>
        <source>Driving licence</source>
        <translation>Водительское удостоверение</translation>
    </message>
    <message>
        <source>Other document</source>
        <translation>Другой документ</translation>
    </message>
    <message>
        <source>Guest · {name}</source>
        <translation>Гость · {name}</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Сохранить</translation>
    </message>
    <message>
        <source>First &amp;name:</source>
        <translation>&amp;Имя:</translation>
    </message>
    <message>
        <source>&amp;Last name:</source>
        <translation>&amp;Фамилия:</translation>
    </message>
    <message>
        <source>&amp;E-mail:</source>
        <translation>&amp;Эл. почта:</translation>
    </message>
    <message>
        <source>&amp;Phone:</source>
        <translation>&amp;Телефон:</translation>
    </message>
    <message>
        <source>B&amp;orn on:</source>
        <translation>Дата р&amp;ождения:</translation>
    </message>
    <message>
        <source>Empty: the guest pays it</source>
        <translation>Пусто: гость платит налог</translation>
    </message>
    <message>
        <source>No city ta&amp;x because:</source>
        <translation>Без туристического налога, &amp;так как:</translation>
    </message>
    <message>
        <source>&amp;Remove document</source>
        <translation>&amp;Удалить документ</translation>
    </message>
    <message>
        <source>Ne&amp;w document</source>
        <translation>&amp;Новый документ</translation>
    </message>
    <message>
        <source>The night audit charges the city tax by these details from the next night it posts; nights already posted keep theirs. A document corrected or removed stays in the audit trail as it was.</source>
        <translation>Ночной аудит начисляет туристический налог по этим данным со следующей ночи; уже начисленные ночи остаются как есть. Исправленный или удалённый документ остаётся в журнале аудита в прежнем виде.</translation>
    </message>
    <message>
        <source>None recorded</source>
        <translation>Не записаны</translation>
    </message>
    <message>
        <source>Correct the doc&amp;ument:</source>
        <translation>Исправить доку&amp;мент:</translation>
    </message>
    <message>
        <source>Documents:</source>
        <translation>Документы:</translation>
    </message>
    <message>
        <source>Add a doc&amp;ument:</source>
        <translation>Добавить &amp;документ:</translation>
    </message>
    <message>
        <source>Document nu&amp;mber:</source>
        <translation>Но&amp;мер документа:</translation>
    </message>
    <message>
        <source>BG</source>
        <translation>BG</translation>
    </message>
    <message>
        <source>Issuing countr&amp;y:</source>
        <translation>Ст&amp;рана выдачи:</translation>
    </message>
    <message>
        <source>&amp;Issued on:</source>
        <translation>Выда&amp;н:</translation>
    </message>
    <message>
        <source>The night audit charges the city tax by these details from the next night it posts; nights already posted keep theirs.</source>
        <translation type="vanished">Ночной аудит начисляет туристический налог по этим данным начиная со следующей проводимой ночи; уже проведённые ночи остаются как есть.</translation>
    </message>
    <message>
        <source>Type the guest&apos;s name.</source>
        <translation>Введите имя гостя.</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>Import from a CSV file</source>
        <translation>Импорт из файла CSV</translation>
    </message>
    <message>
        <source>Rooms</source>
        <translation>Номера</translation>
    </message>
    <message>
        <source>Services</source>
        <translation>Услуги</translation>
    </message>
    <message>
        <source>Companies</source>
        <translation>Компании</translation>
    </message>
    <message>
        <source>Guests</source>
        <translation>Гости</translation>
    </message>
    <message>
        <source>Reservations</source>
        <translation>Бронирования</translation>
    </message>
    <message>
        <source>&amp;What:</source>
        <translation>&amp;Что:</translation>
    </message>
    <message>
        <source>&amp;Choose…</source>
        <translation>&amp;Выбрать…</translation>
    </message>
    <message>
        <source>&amp;File:</source>
        <translation>&amp;Файл:</translation>
    </message>
    <message>
        <source>The first line names the columns. UTF-8 (Excel: &quot;CSV UTF-8&quot;), values separated by ; or ,. If any line is refused, nothing is imported and every line at fault is listed.</source>
        <translation>Первая строка называет столбцы. UTF-8 (в Excel: «CSV UTF-8»), значения через ; или ,. Если хоть одна строка отклонена, ничего не импортируется, а все ошибочные строки перечисляются.</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>&amp;Импортировать</translation>
    </message>
    <message>
        <source>&amp;Dry run</source>
        <translation>&amp;Пробный прогон</translation>
    </message>
    <message>
        <source>Columns: {required} (optional: {optional}).</source>
        <translation>Столбцы: {required} (необязательные: {optional}).</translation>
    </message>
    <message>
        <source>Columns: {required}.</source>
        <translation>Столбцы: {required}.</translation>
    </message>
    <message>
        <source>Columns: {required}</source>
        <translation type="vanished">Столбцы: {required}</translation>
    </message>
    <message>
        <source>(optional: {optional})</source>
        <translation type="vanished">(необязательные: {optional})</translation>
    </message>
    <message>
        <source>Reservations go in row by row: a line refused is listed and the others go in; a reservation imported again by its external id is updated, never doubled. The status is one of {statuses}; {in_house} needs its room, and an arrival before the business date is one of {past}.</source>
        <translation>Бронирования загружаются построчно: отклонённая строка указывается, остальные загружаются; бронирование, импортированное повторно по внешнему идентификатору, обновляется и никогда не дублируется. Статус — один из {statuses}; для {in_house} нужен номер комнаты, а заезд раньше рабочей даты — это {past}.</translation>
    </message>
    <message>
        <source>line {line}: {external_id} {outcome}, {status} ({number})</source>
        <translation>строка {line}: {external_id} — {outcome}, {status} ({number})</translation>
    </message>
    <message>
        <source>Reservations go in row by row: a line refused is listed and the others go in; a reservation imported again by its external id is updated, never doubled.</source>
        <translation type="vanished">Бронирования загружаются построчно: отклонённая строка указывается, остальные загружаются; бронирование, импортированное повторно по внешнему идентификатору, обновляется и никогда не дублируется.</translation>
    </message>
    <message>
        <source>Import from</source>
        <translation>Импорт из</translation>
    </message>
    <message>
        <source>CSV files (*.csv);;All files (*)</source>
        <translation>Файлы CSV (*.csv);;Все файлы (*)</translation>
    </message>
    <message>
        <source>new</source>
        <translation>новое</translation>
    </message>
    <message>
        <source>changed</source>
        <translation>изменено</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>отменено</translation>
    </message>
    <message>
        <source>unchanged</source>
        <translation>без изменений</translation>
    </message>
    <message>
        <source>Would import: {new} new, {changed} changed, {cancelled} cancelled, {unchanged} unchanged, {refused} refused. Nothing was written.</source>
        <translation>Будет импортировано: новых {new}, изменено {changed}, отменено {cancelled}, без изменений {unchanged}, отклонено {refused}. Ничего не записано.</translation>
    </message>
    <message>
        <source>Imported: {new} new, {changed} changed, {cancelled} cancelled, {unchanged} unchanged, {refused} refused.</source>
        <translation>Импортировано: новых {new}, изменено {changed}, отменено {cancelled}, без изменений {unchanged}, отклонено {refused}.</translation>
    </message>
    <message>
        <source>line {line}: {external_id} {outcome} ({number})</source>
        <translation type="vanished">строка {line}: {external_id} — {outcome} ({number})</translation>
    </message>
    <message>
        <source>Imported: {count}.</source>
        <translation>Импортировано: {count}.</translation>
    </message>
    <message>
        <source>line {line}: {problem}</source>
        <translation>строка {line}: {problem}</translation>
    </message>
</context>
<context>
    <name>InvoiceSellerDialog</name>
    <message>
        <source>Invoice details</source>
        <translation>Реквизиты для счетов-фактур</translation>
    </message>
    <message>
        <source>What invoices issued from now on say of the hotel as seller. Invoices already issued keep what they said.</source>
        <translation>Что будут говорить о гостинице как о продавце счета-фактуры, выставленные с этого момента. Уже выставленные остаются без изменений.</translation>
    </message>
    <message>
        <source>&amp;Address:</source>
        <translation>&amp;Адрес:</translation>
    </message>
    <message>
        <source>&amp;City:</source>
        <translation>&amp;Город:</translation>
    </message>
    <message>
        <source>&amp;Tax ID (company number):</source>
        <translation>&amp;ИНН (номер компании):</translation>
    </message>
    <message>
        <source>&amp;VAT number:</source>
        <translation>&amp;Номер плательщика НДС:</translation>
    </message>
    <message>
        <source>Accountable &amp;person:</source>
        <translation>&amp;Ответственное лицо:</translation>
    </message>
</context>
<context>
    <name>Invoices</name>
    <message>
        <source>Credit note</source>
        <translation>Кредит-нота</translation>
    </message>
    <message>
        <source>Invoice</source>
        <translation>Счёт-фактура</translation>
    </message>
</context>
<context>
    <name>InvoicesDialog</name>
    <message>
        <source>Invoices</source>
        <translation>Счета</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Номер</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Вид</translation>
    </message>
    <message>
        <source>Issued</source>
        <translation>Выставлен</translation>
    </message>
    <message>
        <source>Buyer</source>
        <translation>Покупатель</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Сумма</translation>
    </message>
    <message>
        <source>Credits invoice</source>
        <translation>К счёту-фактуре</translation>
    </message>
    <message>
        <source>Left to credit</source>
        <translation>Можно сторнировать</translation>
    </message>
    <message>
        <source>Open &amp;PDF</source>
        <translation>Открыть &amp;PDF</translation>
    </message>
    <message>
        <source>&amp;Credit note…</source>
        <translation>&amp;Кредит-нота…</translation>
    </message>
    <message>
        <source>&amp;New invoice for a company…</source>
        <translation>&amp;Новый счёт-фактура для компании…</translation>
    </message>
    <message>
        <source>Invoice &amp;details…</source>
        <translation>&amp;Реквизиты…</translation>
    </message>
    <message>
        <source>&amp;From:</source>
        <translation type="vanished">&amp;С:</translation>
    </message>
    <message>
        <source>&amp;To:</source>
        <translation type="vanished">&amp;По:</translation>
    </message>
    <message>
        <source>any part of the buyer&apos;s name</source>
        <translation>любая часть имени покупателя</translation>
    </message>
    <message>
        <source>&amp;Show</source>
        <translation>&amp;Показать</translation>
    </message>
    <message>
        <source>Buyer:</source>
        <translation>Покупатель:</translation>
    </message>
    <message>
        <source>Number:</source>
        <translation>Номер:</translation>
    </message>
    <message>
        <source>Only the newest {count} are shown: narrow the search by date, buyer or number.</source>
        <translation>Показаны только последние {count}: сузьте поиск по дате, покупателю или номеру.</translation>
    </message>
    <message>
        <source>Saved as {path}</source>
        <translation>Сохранено: {path}</translation>
    </message>
    <message>
        <source>Invoice details saved</source>
        <translation>Реквизиты сохранены</translation>
    </message>
    <message>
        <source>Credit note {number} issued</source>
        <translation>Оформлена кредит-нота {number}</translation>
    </message>
</context>
<context>
    <name>MailSettingsDialog</name>
    <message>
        <source>E-mail</source>
        <translation>Электронная почта</translation>
    </message>
    <message>
        <source>Electronic receipts are sent to guests through the hotel&apos;s mail server (SMTP).</source>
        <translation>Электронные чеки отправляются гостям через почтовый сервер гостиницы (SMTP).</translation>
    </message>
    <message>
        <source>Mail &amp;server:</source>
        <translation>Почтовый &amp;сервер:</translation>
    </message>
    <message>
        <source>&amp;Port:</source>
        <translation>&amp;Порт:</translation>
    </message>
    <message>
        <source>STARTTLS (usually port 587)</source>
        <translation>STARTTLS (обычно порт 587)</translation>
    </message>
    <message>
        <source>TLS (usually port 465)</source>
        <translation>TLS (обычно порт 465)</translation>
    </message>
    <message>
        <source>None: not encrypted (usually port 25)</source>
        <translation>Нет: без шифрования (обычно порт 25)</translation>
    </message>
    <message>
        <source>S&amp;ecurity:</source>
        <translation>&amp;Защита:</translation>
    </message>
    <message>
        <source>empty if the server asks for no login</source>
        <translation>пусто, если сервер не требует входа</translation>
    </message>
    <message>
        <source>&amp;User:</source>
        <translation>П&amp;ользователь:</translation>
    </message>
    <message>
        <source>Pass&amp;word:</source>
        <translation>Паро&amp;ль:</translation>
    </message>
    <message>
        <source>&amp;Forget the saved password</source>
        <translation>За&amp;быть сохранённый пароль</translation>
    </message>
    <message>
        <source>Se&amp;nder address:</source>
        <translation>&amp;Адрес отправителя:</translation>
    </message>
    <message>
        <source>Trusted certificates:</source>
        <translation>Доверенные сертификаты:</translation>
    </message>
    <message>
        <source>Hotel &amp;CA file…</source>
        <translation>&amp;Файл CA гостиницы…</translation>
    </message>
    <message>
        <source>Trust the certificates of the hotel&apos;s own certificate authority too (a PEM file), for a mail server inside the hotel.</source>
        <translation>Доверять также сертификатам собственного центра сертификации гостиницы (файл PEM) — для почтового сервера внутри гостиницы.</translation>
    </message>
    <message>
        <source>System &amp;only</source>
        <translation>&amp;Только системные</translation>
    </message>
    <message>
        <source>Test e-mail</source>
        <translation>Пробное письмо</translation>
    </message>
    <message>
        <source>Send &amp;to:</source>
        <translation>&amp;Кому:</translation>
    </message>
    <message>
        <source>Send test e-&amp;mail</source>
        <translation>Отправ&amp;ить пробное письмо</translation>
    </message>
    <message>
        <source>Uses the settings above as typed, saved or not.</source>
        <translation>Используются настройки выше в том виде, как они введены, сохранены они или нет.</translation>
    </message>
    <message>
        <source>saved: leave empty to keep it</source>
        <translation>сохранён: оставьте пустым, чтобы не менять</translation>
    </message>
    <message>
        <source>On this workstation the password comes from {variable} in the environment; it is used instead of a password saved here.</source>
        <translation>На этом рабочем месте пароль берётся из переменной окружения {variable}; она используется вместо сохранённого здесь пароля.</translation>
    </message>
    <message>
        <source>The password is saved encrypted; its key is the file {path}, outside the database. Every workstation that sends e-receipts needs a copy of that file.</source>
        <translation>Пароль сохранён в зашифрованном виде; его ключ — файл {path} вне базы данных. Каждому рабочему месту, которое отправляет электронные чеки, нужна копия этого файла.</translation>
    </message>
    <message>
        <source>A password is saved, but this workstation cannot open it: the key file {path} is missing or another one. Copy it from the workstation where the password was saved, or type the password again.</source>
        <translation>Пароль сохранён, но это рабочее место не может его прочитать: файла ключа {path} нет или он другой. Скопируйте его с рабочего места, где пароль сохраняли, или введите пароль заново.</translation>
    </message>
    <message>
        <source>A password typed here is saved encrypted, with a key in the file {path} (made on the first save) and never in the database. Copy that file to every workstation that sends e-receipts.</source>
        <translation>Введённый здесь пароль сохраняется в зашифрованном виде; ключ — в файле {path} (создаётся при первом сохранении), никогда не в базе данных. Скопируйте этот файл на каждое рабочее место, которое отправляет электронные чеки.</translation>
    </message>
    <message>
        <source>The system&apos;s, and the hotel&apos;s CA: {subject}</source>
        <translation>Системные и CA гостиницы: {subject}</translation>
    </message>
    <message>
        <source>The system&apos;s trusted certificates</source>
        <translation>Доверенные сертификаты системы</translation>
    </message>
    <message>
        <source>The hotel&apos;s CA certificate</source>
        <translation>Сертификат CA гостиницы</translation>
    </message>
    <message>
        <source>Certificates (*.pem *.crt *.cer);;All files (*)</source>
        <translation>Сертификаты (*.pem *.crt *.cer);;Все файлы (*)</translation>
    </message>
    <message>
        <source>The e-mail settings are saved.</source>
        <translation>Настройки почты сохранены.</translation>
    </message>
    <message>
        <source>Test e-mail from the front desk</source>
        <translation>Пробное письмо со стойки регистрации</translation>
    </message>
    <message>
        <source>This test e-mail was sent by {user} from workstation {workstation}. Electronic receipts will reach guests the same way.</source>
        <translation>Это пробное письмо отправил {user} с рабочего места {workstation}. Электронные чеки дойдут до гостей тем же путём.</translation>
    </message>
    <message>
        <source>Connecting to {host}:{port}…</source>
        <translation>Соединение с {host}:{port}…</translation>
    </message>
    <message>
        <source>Starting TLS…</source>
        <translation>Включение TLS…</translation>
    </message>
    <message>
        <source>Logging in as {user}…</source>
        <translation>Вход как {user}…</translation>
    </message>
    <message>
        <source>Sending to {address}…</source>
        <translation>Отправка на {address}…</translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation>Отправка…</translation>
    </message>
    <message>
        <source>The mail server took the test e-mail to {address}.</source>
        <translation>Почтовый сервер принял пробное письмо для {address}.</translation>
    </message>
    <message>
        <source>Cancelled: the test e-mail was not sent.</source>
        <translation>Отменено: пробное письмо не отправлено.</translation>
    </message>
    <message>
        <source>The test e-mail was not sent: {error}</source>
        <translation>Пробное письмо не отправлено: {error}</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Front desk</source>
        <translation>Стойка регистрации</translation>
    </message>
    <message>
        <source>Room, guest name, reservation number or company</source>
        <translation>Номер, имя гостя, номер бронирования или компания</translation>
    </message>
    <message>
        <source>&amp;Find:</source>
        <translation>&amp;Найти:</translation>
    </message>
    <message>
        <source>&amp;In house only</source>
        <translation>&amp;Только проживающие</translation>
    </message>
    <message>
        <source>&amp;Arrival on</source>
        <translation>&amp;Заезд на</translation>
    </message>
    <message>
        <source>Only stays arriving on this day (and events starting on it)</source>
        <translation>Только проживания с заездом в этот день (и мероприятия, начинающиеся в этот день)</translation>
    </message>
    <message>
        <source>All</source>
        <translation>Все</translation>
    </message>
    <message>
        <source>Reservations</source>
        <translation>Бронирования</translation>
    </message>
    <message>
        <source>Companies</source>
        <translation>Компании</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>Мероприятия</translation>
    </message>
    <message>
        <source>Walk-in clients</source>
        <translation>Клиенты без брони</translation>
    </message>
    <message>
        <source>&amp;Show:</source>
        <translation>&amp;Показать:</translation>
    </message>
    <message>
        <source>A&amp;rrivals today</source>
        <translation>За&amp;езды сегодня</translation>
    </message>
    <message>
        <source>De&amp;partures today</source>
        <translation>В&amp;ыезды сегодня</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Файл</translation>
    </message>
    <message>
        <source>&amp;New reservation…</source>
        <translation>&amp;Новая бронь…</translation>
    </message>
    <message>
        <source>New &amp;folio…</source>
        <translation>Новый &amp;фолио…</translation>
    </message>
    <message>
        <source>&amp;Open card</source>
        <translation>&amp;Открыть карточку</translation>
    </message>
    <message>
        <source>S&amp;witch user…</source>
        <translation>С&amp;менить пользователя…</translation>
    </message>
    <message>
        <source>&amp;Lock</source>
        <translation>&amp;Заблокировать</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>В&amp;ыход</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Вид</translation>
    </message>
    <message>
        <source>&amp;Find</source>
        <translation>&amp;Найти</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Обновить</translation>
    </message>
    <message>
        <source>Room rac&amp;k</source>
        <translation>&amp;Шахматка номеров</translation>
    </message>
    <message>
        <source>Check &amp;receipts</source>
        <translation>Проверить &amp;чеки</translation>
    </message>
    <message>
        <source>Pending register &amp;documents…</source>
        <translation>Незавершённые &amp;документы касс…</translation>
    </message>
    <message>
        <source>C&amp;ards</source>
        <translation>&amp;Карты</translation>
    </message>
    <message>
        <source>&amp;Pending card operations…</source>
        <translation>&amp;Незавершённые операции по картам…</translation>
    </message>
    <message>
        <source>Open &amp;pre-authorisations…</source>
        <translation>Открытые &amp;предавторизации…</translation>
    </message>
    <message>
        <source>Terminal &amp;end of day…</source>
        <translation>&amp;Закрытие дня на терминале…</translation>
    </message>
    <message>
        <source>S&amp;ettings</source>
        <translation>&amp;Настройки</translation>
    </message>
    <message>
        <source>&amp;Rooms and room types…</source>
        <translation>&amp;Номера и типы номеров…</translation>
    </message>
    <message>
        <source>&amp;E-mail…</source>
        <translation>&amp;Электронная почта…</translation>
    </message>
    <message>
        <source>&amp;POS connections…</source>
        <translation>&amp;Подключения POS…</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Справка</translation>
    </message>
    <message>
        <source>&amp;About</source>
        <translation>&amp;О программе</translation>
    </message>
    <message>
        <source>&amp;Shift</source>
        <translation>Сме&amp;на</translation>
    </message>
    <message>
        <source>&amp;Open shift…</source>
        <translation>&amp;Открыть смену…</translation>
    </message>
    <message>
        <source>Cash &amp;in…</source>
        <translation>&amp;Внесение наличных…</translation>
    </message>
    <message>
        <source>Cash &amp;out…</source>
        <translation>&amp;Изъятие наличных…</translation>
    </message>
    <message>
        <source>&amp;X report</source>
        <translation>&amp;X-отчёт</translation>
    </message>
    <message>
        <source>&amp;Close shift…</source>
        <translation>&amp;Закрыть смену…</translation>
    </message>
    <message>
        <source>Open &amp;drawer</source>
        <translation>Открыть денежный &amp;ящик</translation>
    </message>
    <message>
        <source>&amp;Devices…</source>
        <translation>&amp;Устройства…</translation>
    </message>
    <message>
        <source>Shift {number} · {name} · since {time}</source>
        <translation type="vanished">Смена {number} · {name} · с {time}</translation>
    </message>
    <message>
        <source>Drawer: {amounts}</source>
        <translation>В кассе: {amounts}</translation>
    </message>
    <message>
        <source>over 24 hours: close it before taking cash</source>
        <translation>более 24 часов: закройте её до приёма наличных</translation>
    </message>
    <message>
        <source>Cash the drawer should hold now</source>
        <translation>Сколько наличных должно быть в кассе сейчас</translation>
    </message>
    <message>
        <source>Workstation: {name}</source>
        <translation>Рабочее место: {name}</translation>
    </message>
    <message>
        <source>{register}: no printer</source>
        <translation>{register}: нет принтера</translation>
    </message>
    <message>
        <source>{register}: {state}</source>
        <translation>{register}: {state}</translation>
    </message>
    <message>
        <source>No shift open</source>
        <translation>Смена не открыта</translation>
    </message>
    <message>
        <source>Default credit &amp;limit…</source>
        <translation>Кредитный &amp;лимит по умолчанию…</translation>
    </message>
    <message>
        <source>Shift {number} · since {time}</source>
        <translation>Смена {number} · с {time}</translation>
    </message>
    <message>
        <source>Shift {number}, opened by {name} on {day} at {time}</source>
        <translation>Смена {number}; открыта: {name}, {day} в {time}</translation>
    </message>
    <message>
        <source>No cash register</source>
        <translation>Нет ККТ</translation>
    </message>
    <message>
        <source>Database online</source>
        <translation>База данных доступна</translation>
    </message>
    <message>
        <source>Database offline</source>
        <translation>База данных недоступна</translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation>Поиск…</translation>
    </message>
    <message>
        <source>Nothing found</source>
        <translation>Ничего не найдено</translation>
    </message>
    <message>
        <source>The first {count} found: narrow the search</source>
        <translation>Первые {count} найденных: уточните поиск</translation>
    </message>
    <message>
        <source>{count} found</source>
        <translation>Найдено: {count}</translation>
    </message>
    <message>
        <source>Search failed: {reason}</source>
        <translation>Ошибка поиска: {reason}</translation>
    </message>
    <message>
        <source>About Front desk</source>
        <translation>О программе «Стойка регистрации»</translation>
    </message>
    <message>
        <source>Front desk: the hotel cashier&apos;s workstation.
Find a stay, read its folio, take payments and refunds, print receipts.</source>
        <translation>Стойка регистрации: рабочее место кассира гостиницы.
Найдите проживание, просмотрите его фолио, принимайте платежи и оформляйте возвраты, печатайте чеки.</translation>
    </message>
    <message>
        <source>&amp;Night audit…</source>
        <translation>&amp;Ночной аудит…</translation>
    </message>
    <message>
        <source>&amp;Administration</source>
        <translation>&amp;Администрирование</translation>
    </message>
    <message>
        <source>&amp;People…</source>
        <translation>&amp;Сотрудники…</translation>
    </message>
    <message>
        <source>&amp;Services and payments…</source>
        <translation>&amp;Услуги и оплата…</translation>
    </message>
    <message>
        <source>&amp;City tax…</source>
        <translation>&amp;Туристический налог…</translation>
    </message>
    <message>
        <source>&amp;Import from a CSV file…</source>
        <translation>&amp;Импорт из файла CSV…</translation>
    </message>
    <message>
        <source>&amp;Back up the database…</source>
        <translation>&amp;Резервная копия базы данных…</translation>
    </message>
    <message>
        <source>&amp;Reports</source>
        <translation>&amp;Отчёты</translation>
    </message>
    <message>
        <source>&amp;Audit trail…</source>
        <translation>&amp;Журнал аудита…</translation>
    </message>
    <message>
        <source>&amp;Invoices…</source>
        <translation>&amp;Счета…</translation>
    </message>
    <message>
        <source>Card &amp;operators…</source>
        <translation>&amp;Операторы карт…</translation>
    </message>
</context>
<context>
    <name>MakePaymentDialog</name>
    <message>
        <source>Make payment</source>
        <translation>Принять оплату</translation>
    </message>
    <message>
        <source>&amp;Apply</source>
        <translation>&amp;Применить</translation>
    </message>
    <message>
        <source>Balance: {balance}</source>
        <translation>Остаток: {balance}</translation>
    </message>
    <message>
        <source>&amp;Method:</source>
        <translation>&amp;Способ оплаты:</translation>
    </message>
    <message>
        <source>A card charged on a stand-alone terminal: type its reference (authorisation code) in Text.</source>
        <translation>Карта проведена на автономном терминале: введите его номер (код авторизации) в поле «Текст».</translation>
    </message>
    <message>
        <source>optional</source>
        <translation>необязательно</translation>
    </message>
    <message>
        <source>&amp;Tendered:</source>
        <translation>&amp;Получено:</translation>
    </message>
    <message>
        <source>Change due:</source>
        <translation>Сдача:</translation>
    </message>
    <message>
        <source>&amp;Payer:</source>
        <translation>&amp;Плательщик:</translation>
    </message>
    <message>
        <source>&amp;Date:</source>
        <translation>&amp;Дата:</translation>
    </message>
    <message>
        <source>Reference, e.g. the card terminal&apos;s authorisation code</source>
        <translation>Ссылка, например код авторизации карточного терминала</translation>
    </message>
    <message>
        <source>Te&amp;xt:</source>
        <translation>Те&amp;кст:</translation>
    </message>
    <message>
        <source>P&amp;rint receipt</source>
        <translation>Пе&amp;чатать чек</translation>
    </message>
    <message>
        <source>No payment method is configured for the desk.</source>
        <translation>Для стойки не настроен ни один способ оплаты.</translation>
    </message>
    <message>
        <source>{method} — {terminal}</source>
        <translation>{method} — {terminal}</translation>
    </message>
    <message>
        <source>Apply sends the amount to {terminal}; the guest pays there with the card.</source>
        <translation>«Применить» отправит сумму на {terminal}; гость платит там картой.</translation>
    </message>
    <message>
        <source>{short} short</source>
        <translation>Не хватает {short}</translation>
    </message>
    <message>
        <source>Choose how the guest pays.</source>
        <translation>Выберите способ оплаты.</translation>
    </message>
    <message>
        <source>The guest handed over less than the amount.</source>
        <translation>Гость передал меньше суммы оплаты.</translation>
    </message>
    <message>
        <source>{terminal} takes {currency} only.</source>
        <translation>{terminal} принимает только {currency}.</translation>
    </message>
    <message>
        <source>The bill owes {owed}; take {amount} and leave {overpaid} overpaid?</source>
        <translation>Долг по счёту {owed}; принять {amount} и оставить переплату {overpaid}?</translation>
    </message>
    <message>
        <source>Overpayment</source>
        <translation>Переплата</translation>
    </message>
    <message>
        <source>The bill owes {owed}.</source>
        <translation>Долг по счёту {owed}.</translation>
    </message>
    <message>
        <source>1 {currency} = {rate} {base}</source>
        <translation>1 {currency} = {rate} {base}</translation>
    </message>
    <message>
        <source>= {amount} (at {rate})</source>
        <translation>= {amount} (по курсу {rate})</translation>
    </message>
</context>
<context>
    <name>MakeRefundDialog</name>
    <message>
        <source>Make refund</source>
        <translation>Оформить возврат</translation>
    </message>
    <message>
        <source>&amp;Apply</source>
        <translation>&amp;Применить</translation>
    </message>
    <message>
        <source>Refund of a payment</source>
        <translation>Возврат платежа</translation>
    </message>
    <message>
        <source>Method:</source>
        <translation>Способ оплаты:</translation>
    </message>
    <message>
        <source>{amount} ({base} on the bill)</source>
        <translation>{amount} ({base} по счёту)</translation>
    </message>
    <message>
        <source>Paid:</source>
        <translation>Оплачено:</translation>
    </message>
    <message>
        <source>Date, payer:</source>
        <translation>Дата, плательщик:</translation>
    </message>
    <message>
        <source>Already refunded:</source>
        <translation>Уже возвращено:</translation>
    </message>
    <message>
        <source>Refundable:</source>
        <translation>Доступно к возврату:</translation>
    </message>
    <message>
        <source>Back to the &amp;payer (in cash or to the card)</source>
        <translation>Плательщику (&amp;наличными или на карту)</translation>
    </message>
    <message>
        <source>Into the guest&apos;s &amp;deposit (kept for later bills)</source>
        <translation>На &amp;депозит гостя (для будущих счетов)</translation>
    </message>
    <message>
        <source>A deposit is refunded to the payer.</source>
        <translation>Депозит возвращается плательщику.</translation>
    </message>
    <message>
        <source>Refund direction:</source>
        <translation>Направление возврата:</translation>
    </message>
    <message>
        <source>Refund &amp;method:</source>
        <translation>&amp;Способ возврата:</translation>
    </message>
    <message>
        <source>Am&amp;ount:</source>
        <translation>С&amp;умма:</translation>
    </message>
    <message>
        <source>Why the money is given back</source>
        <translation>Почему деньги возвращаются</translation>
    </message>
    <message>
        <source>R&amp;eason:</source>
        <translation>При&amp;чина:</translation>
    </message>
    <message>
        <source>P&amp;rint receipt (return of income)</source>
        <translation>Пе&amp;чатать чек (возврат прихода)</translation>
    </message>
    <message>
        <source>Only a payment or a deposit can be refunded.</source>
        <translation>Вернуть можно только платёж или депозит.</translation>
    </message>
    <message>
        <source>This bill was moved to a company&apos;s account: reverse the transfer (Void) instead.</source>
        <translation>Этот счёт перенесён на счёт компании: вместо возврата отмените перенос (Аннулировать).</translation>
    </message>
    <message>
        <source>This payment is voided: there is nothing to refund.</source>
        <translation>Этот платёж аннулирован: возвращать нечего.</translation>
    </message>
    <message>
        <source>This payment has been refunded in full.</source>
        <translation>Этот платёж возвращён полностью.</translation>
    </message>
    <message>
        <source>= {amount} on the bill</source>
        <translation>= {amount} по счёту</translation>
    </message>
    <message>
        <source>At most {amount} can be refunded.</source>
        <translation>Вернуть можно не более {amount}.</translation>
    </message>
    <message>
        <source>Choose how the money is given back.</source>
        <translation>Выберите, как вернуть деньги.</translation>
    </message>
</context>
<context>
    <name>MoveRoomDialog</name>
    <message>
        <source>Move to another room</source>
        <translation>Переселение в другой номер</translation>
    </message>
    <message>
        <source>&amp;Move</source>
        <translation>&amp;Переселить</translation>
    </message>
    <message>
        <source>Reservation {number} keeps its folio and bills; the room left is marked for cleaning.</source>
        <translation>Бронь {number} сохраняет свой фолио и счета; покинутый номер отмечается к уборке.</translation>
    </message>
    <message>
        <source>{room} · {type}</source>
        <translation>{room} · {type}</translation>
    </message>
    <message>
        <source>{room} · {type} (not cleaned)</source>
        <translation>{room} · {type} (не убран)</translation>
    </message>
    <message>
        <source>&amp;Room:</source>
        <translation>&amp;Номер:</translation>
    </message>
    <message>
        <source>No room is free for the rest of this stay.</source>
        <translation>На оставшиеся ночи нет свободного номера.</translation>
    </message>
</context>
<context>
    <name>MoveServicesDialog</name>
    <message>
        <source>Move services to another bill</source>
        <translation>Перенести услуги на другой счёт</translation>
    </message>
    <message>
        <source>&amp;Move</source>
        <translation>&amp;Перенести</translation>
    </message>
    <message>
        <source>From: {bill}</source>
        <translation>Из: {bill}</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Дата</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Услуга</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Сумма</translation>
    </message>
    <message>
        <source>Total: {amount}</source>
        <translation>Итого: {amount}</translation>
    </message>
    <message>
        <source>&amp;To bill:</source>
        <translation>&amp;На счёт:</translation>
    </message>
    <message>
        <source>This folio has only one bill. Use Split bill to open a bill for another payer.</source>
        <translation>В этом фолио только один счёт. Используйте «Разделить счёт», чтобы открыть счёт для другого плательщика.</translation>
    </message>
    <message>
        <source>Choose the services to move on the card first.</source>
        <translation>Сначала выберите на карточке услуги для переноса.</translation>
    </message>
    <message>
        <source>Choose the bill to move the services to.</source>
        <translation>Выберите счёт, на который перенести услуги.</translation>
    </message>
</context>
<context>
    <name>NewCardDialog</name>
    <message>
        <source>New card</source>
        <translation>Новая карта</translation>
    </message>
    <message>
        <source>Card &amp;operator:</source>
        <translation>&amp;Оператор карт:</translation>
    </message>
    <message>
        <source>Open its &amp;page</source>
        <translation>Открыть его &amp;страницу</translation>
    </message>
    <message>
        <source>Opening the card operator&apos;s page…</source>
        <translation>Открывается страница эквайера…</translation>
    </message>
    <message>
        <source>Choose the card operator whose page the guest types the card on.</source>
        <translation>Выберите оператора карт, на странице которого гость введёт карту.</translation>
    </message>
    <message>
        <source>New card · {operator}</source>
        <translation>Новая карта · {operator}</translation>
    </message>
    <message>
        <source>Opening {operator}&apos;s card page…</source>
        <translation>Открывается страница ввода карты {operator}…</translation>
    </message>
    <message>
        <source>Asking {operator} for the card saved on its page…</source>
        <translation>Запрос к {operator}: какая карта сохранена на его странице…</translation>
    </message>
    <message>
        <source>The guest types the card on {operator}&apos;s own page below: the desk never sees the card number.</source>
        <translation>Гость вводит карту ниже, на собственной странице {operator}: номер карты никогда не попадает в программу.</translation>
    </message>
    <message>
        <source>Closing the card page and asking {operator} whether a card was sent…</source>
        <translation>Страница закрывается; запрос к {operator}, была ли отправлена карта…</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>&amp;Закрыть</translation>
    </message>
    <message>
        <source>{amount} pre-authorised.</source>
        <translation>{amount} заблокировано (преавторизация).</translation>
    </message>
    <message>
        <source>{amount} charged.</source>
        <translation>{amount} списано.</translation>
    </message>
    <message>
        <source>{card} {operator} did not answer about the {amount}: it is listed under Pending card operations.</source>
        <translation>{card} {operator} не ответил о сумме {amount}: операция указана в «Незавершённых операциях по картам».</translation>
    </message>
    <message>
        <source>{card} {operator} refused the {amount} ({code}): nothing was taken; the card stays saved.</source>
        <translation>{card} {operator} отклонил сумму {amount} ({code}): ничего не списано; карта остаётся сохранённой.</translation>
    </message>
    <message>
        <source>{card} The {amount} was not taken: {error}</source>
        <translation>{card} Сумма {amount} не списана: {error}</translation>
    </message>
    <message>
        <source>Card saved: {brand} {number}, valid to {expiry}.</source>
        <translation>Карта сохранена: {brand} {number}, действует до {expiry}.</translation>
    </message>
    <message>
        <source>{operator} did not answer. The card is listed under Pending card operations, where {operator} is asked again whether its page saved it.</source>
        <translation>{operator} не ответил. Карта указана в «Незавершённых операциях по картам», где у {operator} снова спросят, сохранила ли её страница.</translation>
    </message>
    <message>
        <source>{operator} refused the card ({code}). Nothing was saved.</source>
        <translation>{operator} отклонил карту ({code}). Ничего не сохранено.</translation>
    </message>
    <message>
        <source>no reason given</source>
        <translation>причина не указана</translation>
    </message>
    <message>
        <source>{operator}&apos;s card page could not be opened: check the connection to the internet and try again. Nothing was saved.</source>
        <translation>Не удалось открыть страницу ввода карты {operator}: проверьте подключение к интернету и повторите. Ничего не сохранено.</translation>
    </message>
    <message>
        <source>{operator} refused the request: {error}. Nothing was saved.</source>
        <translation>{operator} отклонил запрос: {error}. Ничего не сохранено.</translation>
    </message>
    <message>
        <source>The card page was left without a card. Nothing was saved.</source>
        <translation>Страницу покинули, не отправив карту. Ничего не сохранено.</translation>
    </message>
</context>
<context>
    <name>NewFolioDialog</name>
    <message>
        <source>New folio</source>
        <translation>Новый фолио</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>&amp;Открыть</translation>
    </message>
    <message>
        <source>&amp;Walk-in client</source>
        <translation>&amp;Гость с улицы</translation>
    </message>
    <message>
        <source>&amp;Company account</source>
        <translation>Счёт &amp;компании</translation>
    </message>
    <message>
        <source>&amp;Event account</source>
        <translation>Счёт &amp;мероприятия</translation>
    </message>
</context>
<context>
    <name>NewReservationDialog</name>
    <message>
        <source>New reservation</source>
        <translation>Новая бронь</translation>
    </message>
    <message>
        <source>&amp;Book</source>
        <translation>За&amp;бронировать</translation>
    </message>
    <message>
        <source>Guest</source>
        <translation>Гость</translation>
    </message>
    <message>
        <source>Name of a guest who stayed before</source>
        <translation>Имя гостя, который уже останавливался</translation>
    </message>
    <message>
        <source>&amp;Find</source>
        <translation>На&amp;йти</translation>
    </message>
    <message>
        <source>Fin&amp;d guest:</source>
        <translation>Найти &amp;гостя:</translation>
    </message>
    <message>
        <source>New guest</source>
        <translation>Новый гость</translation>
    </message>
    <message>
        <source>Gu&amp;est:</source>
        <translation>Гост&amp;ь:</translation>
    </message>
    <message>
        <source>First &amp;name:</source>
        <translation>&amp;Имя:</translation>
    </message>
    <message>
        <source>&amp;Last name:</source>
        <translation>&amp;Фамилия:</translation>
    </message>
    <message>
        <source>Passport</source>
        <translation>Паспорт</translation>
    </message>
    <message>
        <source>Identity card</source>
        <translation>Удостоверение личности</translation>
    </message>
    <message>
        <source>Driving licence</source>
        <translation>Водительское удостоверение</translation>
    </message>
    <message>
        <source>Other document</source>
        <translation>Другой документ</translation>
    </message>
    <message>
        <source>Doc&amp;ument:</source>
        <translation>&amp;Документ:</translation>
    </message>
    <message>
        <source>Document nu&amp;mber:</source>
        <translation>Но&amp;мер документа:</translation>
    </message>
    <message>
        <source>Empty: the guest pays it</source>
        <translation>Пусто: гость платит налог</translation>
    </message>
    <message>
        <source>Check in no&amp;w (walk-in)</source>
        <translation>Заселить &amp;сразу (без брони)</translation>
    </message>
    <message>
        <source>BG</source>
        <translation>BG</translation>
    </message>
    <message>
        <source>Issuing countr&amp;y:</source>
        <translation>Ст&amp;рана выдачи:</translation>
    </message>
    <message>
        <source>&amp;Issued on:</source>
        <translation>Выда&amp;н:</translation>
    </message>
    <message>
        <source>B&amp;orn on:</source>
        <translation>Дата р&amp;ождения:</translation>
    </message>
    <message>
        <source>No city ta&amp;x because:</source>
        <translation>Без туристического налога, &amp;так как:</translation>
    </message>
    <message>
        <source>Stay</source>
        <translation>Проживание</translation>
    </message>
    <message>
        <source>&amp;Arrival:</source>
        <translation>&amp;Заезд:</translation>
    </message>
    <message>
        <source>De&amp;parture:</source>
        <translation>В&amp;ыезд:</translation>
    </message>
    <message>
        <source>{name} · {rate}</source>
        <translation>{name} · {rate}</translation>
    </message>
    <message>
        <source>Room &amp;type:</source>
        <translation>&amp;Тип номера:</translation>
    </message>
    <message>
        <source>&amp;Room:</source>
        <translation>Н&amp;омер:</translation>
    </message>
    <message>
        <source>Rate per ni&amp;ght ({currency}):</source>
        <translation>&amp;Цена за ночь ({currency}):</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Нет</translation>
    </message>
    <message>
        <source>&amp;Company:</source>
        <translation>&amp;Компания:</translation>
    </message>
    <message>
        <source>E&amp;vent:</source>
        <translation>М&amp;ероприятие:</translation>
    </message>
    <message>
        <source>Any free room</source>
        <translation>Любой свободный номер</translation>
    </message>
    <message>
        <source>{room} (not cleaned)</source>
        <translation>{room} (не убран)</translation>
    </message>
    <message>
        <source>No guest of that name: fill in a new one below.</source>
        <translation>Гостя с таким именем нет: заполните нового ниже.</translation>
    </message>
    <message>
        <source>Type the guest&apos;s name, or find a guest who stayed before.</source>
        <translation>Введите имя гостя или найдите гостя, который уже останавливался.</translation>
    </message>
</context>
<context>
    <name>NightAudit</name>
    <message>
        <source>Cash shift not closed</source>
        <translation>Кассовая смена не закрыта</translation>
    </message>
    <message>
        <source>Card operation pending</source>
        <translation>Операция по карте не завершена</translation>
    </message>
    <message>
        <source>Receipt not printed</source>
        <translation>Чек не напечатан</translation>
    </message>
    <message>
        <source>Arrival not checked in</source>
        <translation>Заезд: гость не заселён</translation>
    </message>
    <message>
        <source>Departure not checked out</source>
        <translation>Выезд: гость не выселен</translation>
    </message>
    <message>
        <source>opened by {user}</source>
        <translation>открыл(а) {user}</translation>
    </message>
    <message>
        <source>payment {number}</source>
        <translation>платёж {number}</translation>
    </message>
</context>
<context>
    <name>NightAuditDialog</name>
    <message>
        <source>Night audit</source>
        <translation>Ночной аудит</translation>
    </message>
    <message>
        <source>Open item</source>
        <translation>Незакрытая позиция</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>Где</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Подробности</translation>
    </message>
    <message>
        <source>Why the day is closed with these items open</source>
        <translation>Почему день закрывается с этими незакрытыми позициями</translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation>&amp;Причина:</translation>
    </message>
    <message>
        <source>&amp;Close the day</source>
        <translation>&amp;Закрыть день</translation>
    </message>
    <message>
        <source>Re&amp;fresh</source>
        <translation>О&amp;бновить</translation>
    </message>
    <message>
        <source>Business date: {date}</source>
        <translation>Операционная дата: {date}</translation>
    </message>
    <message>
        <source>Open items: {count}. A manager may close the day over them, giving a reason.</source>
        <translation>Незакрытых позиций: {count}. Менеджер может закрыть день с ними, указав причину.</translation>
    </message>
    <message>
        <source>Nothing is open.</source>
        <translation>Незакрытых позиций нет.</translation>
    </message>
    <message>
        <source>In-house stays to charge: {stays}. Reservations to mark as no-shows: {no_shows}.</source>
        <translation>Проживаний к начислению: {stays}. Броней к отметке неявки: {no_shows}.</translation>
    </message>
    <message>
        <source>Cancel stops after the stay being charged; running the night audit again finishes the day without charging anything twice.</source>
        <translation>«Отмена» останавливает аудит после текущего проживания; повторный запуск закроет день, ничего не начислив дважды.</translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation>&amp;Отмена</translation>
    </message>
    <message>
        <source>Closing business day {date}…</source>
        <translation>Закрытие операционного дня {date}…</translation>
    </message>
    <message>
        <source>Stopping after the stay being charged…</source>
        <translation>Остановка после текущего проживания…</translation>
    </message>
    <message>
        <source>Nights charged:</source>
        <translation>Начислено ночей:</translation>
    </message>
    <message>
        <source>Room charges:</source>
        <translation>Проживание:</translation>
    </message>
    <message>
        <source>City tax:</source>
        <translation>Туристический налог:</translation>
    </message>
    <message>
        <source>No-shows:</source>
        <translation>Неявки:</translation>
    </message>
    <message>
        <source>New business date:</source>
        <translation>Новая операционная дата:</translation>
    </message>
    <message>
        <source>Saved cards deleted (past their date):</source>
        <translation>Удалено сохранённых карт (срок истёк):</translation>
    </message>
    <message>
        <source>Saved cards not deleted yet:</source>
        <translation>Сохранённых карт ещё не удалено:</translation>
    </message>
    <message>
        <source>&amp;Run again</source>
        <translation>&amp;Запустить снова</translation>
    </message>
    <message>
        <source>Business day {date} is closed.</source>
        <translation>Операционный день {date} закрыт.</translation>
    </message>
    <message>
        <source>The night audit of {date} was stopped: run it again to finish the day.</source>
        <translation>Ночной аудит за {date} остановлен: запустите его снова, чтобы закрыть день.</translation>
    </message>
    <message>
        <source>not moved yet</source>
        <translation>ещё не переведена</translation>
    </message>
    <message>
        <source>Not charged: settle these stays, then run the night audit again.</source>
        <translation>Не начислено: урегулируйте эти проживания и запустите ночной аудит снова.</translation>
    </message>
    <message>
        <source>These cards stay until the operator deletes them: the next night audit tries again.</source>
        <translation>Эти карты остаются, пока оператор их не удалит: следующий ночной аудит попробует снова.</translation>
    </message>
    <message>
        <source>Warning: {problem}. The audit trail itself is intact.</source>
        <translation>Внимание: {problem}. Сам журнал аудита не повреждён.</translation>
    </message>
    <message>
        <source>the card operator was not reached; whether it deleted the card is asked first</source>
        <translation>карточный оператор недоступен; сначала он будет спрошен, удалил ли карту</translation>
    </message>
    <message>
        <source>the card operator refused: {refusal}</source>
        <translation>карточный оператор отказал: {refusal}</translation>
    </message>
</context>
<context>
    <name>NoShowDialog</name>
    <message>
        <source>No-show {number}</source>
        <translation>Незаезд {number}</translation>
    </message>
    <message>
        <source>Mark &amp;no-show</source>
        <translation>Отметить &amp;незаезд</translation>
    </message>
    <message>
        <source>The guest did not come: the room is free again; the folio stays open for a deposit or a no-show charge.</source>
        <translation>Гость не приехал: номер снова свободен; фолио остаётся открытым для депозита или штрафа за незаезд.</translation>
    </message>
</context>
<context>
    <name>Numbers</name>
    <message>
        <source>“%1” is not a number.</source>
        <translation>«%1» — не число.</translation>
    </message>
    <message>
        <source>Enter a number.</source>
        <translation>Введите число.</translation>
    </message>
</context>
<context>
    <name>Op</name>
    <message>
        <source>The operation was cancelled.</source>
        <translation>Операция отменена.</translation>
    </message>
    <message>
        <source>The operation failed.</source>
        <translation>Не удалось выполнить операцию.</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Ошибка</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <source>Please wait…</source>
        <translation>Подождите…</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Операция отменяется…</translation>
    </message>
</context>
<context>
    <name>OpenShiftDialog</name>
    <message>
        <source>Open shift</source>
        <translation>Открытие смены</translation>
    </message>
    <message>
        <source>&amp;Open shift</source>
        <translation>&amp;Открыть смену</translation>
    </message>
    <message>
        <source>Count the cash in the drawer and enter it per currency (leave empty for none).</source>
        <translation>Пересчитайте наличные в кассе и введите сумму по каждой валюте (пустое поле — нет наличных).</translation>
    </message>
    <message>
        <source>Float in {currency}:</source>
        <translation>Размен в {currency}:</translation>
    </message>
</context>
<context>
    <name>PaymentReference</name>
    <message>
        <source>of {date} ({method}, {amount})</source>
        <translation>от {date} ({method}, {amount})</translation>
    </message>
</context>
<context>
    <name>PaymentsModel</name>
    <message>
        <source>base currency</source>
        <translation>базовая валюта</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Дата</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Тип</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>Способ</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Сумма</translation>
    </message>
    <message>
        <source>In {currency}</source>
        <translation>В {currency}</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Текст</translation>
    </message>
    <message>
        <source>Payer</source>
        <translation>Плательщик</translation>
    </message>
    <message>
        <source>Receipt</source>
        <translation>Чек</translation>
    </message>
    <message>
        <source>Into deposit</source>
        <translation>На депозит</translation>
    </message>
    <message>
        <source>Deposit used</source>
        <translation>Использован депозит</translation>
    </message>
    <message>
        <source>From deposit</source>
        <translation>Из депозита</translation>
    </message>
    <message>
        <source>Back to deposit</source>
        <translation>Обратно на депозит</translation>
    </message>
    <message>
        <source>Payment</source>
        <translation>Оплата</translation>
    </message>
    <message>
        <source>Deposit</source>
        <translation>Депозит</translation>
    </message>
    <message>
        <source>Refund</source>
        <translation>Возврат</translation>
    </message>
    <message>
        <source>Void</source>
        <translation>Аннулирование</translation>
    </message>
    <message>
        <source>{number} · to reprint</source>
        <translation>{number} · напечатать повторно</translation>
    </message>
    <message>
        <source>To be checked</source>
        <translation>Требует сверки</translation>
    </message>
    <message>
        <source>Not printed</source>
        <translation>Не напечатан</translation>
    </message>
    <message>
        <source>No receipt</source>
        <translation>Без чека</translation>
    </message>
    <message>
        <source>Issued on register {register} but not printed whole: Action → Print receipt prints it again, marked COPY.</source>
        <translation>Оформлен на кассе {register}, но напечатан не полностью: Действие → Печать чека напечатает его снова с пометкой КОПИЯ.</translation>
    </message>
    <message>
        <source>The register has not answered for this receipt yet: Shift → Check receipts asks it.</source>
        <translation>Касса ещё не ответила по этому чеку: Смена → Проверить чеки запросит её.</translation>
    </message>
    <message>
        <source>The receipt was not printed: Action → Print receipt.</source>
        <translation>Чек не напечатан: Действие → Печать чека.</translation>
    </message>
    <message>
        <source>No receipt was printed for this payment: Action → Print receipt.</source>
        <translation>По этому платежу чек не печатался: Действие → Печать чека.</translation>
    </message>
    <message>
        <source>Voided by {user} on {when}.</source>
        <translation>Аннулировал {user} {when}.</translation>
    </message>
    <message>
        <source>Authorised by {manager}.</source>
        <translation>Разрешил {manager}.</translation>
    </message>
    <message>
        <source>Reason: {reason}</source>
        <translation>Причина: {reason}</translation>
    </message>
    <message>
        <source>Refunded by {user} on {when}.</source>
        <translation>Вернул {user} {when}.</translation>
    </message>
    <message>
        <source>Refunded: {amount}</source>
        <translation>Возвращено: {amount}</translation>
    </message>
</context>
<context>
    <name>PeopleDialog</name>
    <message>
        <source>People</source>
        <translation>Сотрудники</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>Имя пользователя</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>Полное имя</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Роль</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Состояние</translation>
    </message>
    <message>
        <source>Give this &amp;role</source>
        <translation>Назначить эту &amp;роль</translation>
    </message>
    <message>
        <source>&amp;Deactivate</source>
        <translation>&amp;Отключить</translation>
    </message>
    <message>
        <source>Reset &amp;password…</source>
        <translation>Сбросить &amp;пароль…</translation>
    </message>
    <message>
        <source>A temporary password (at least {length} characters, not the user name) is used once: the user chooses their own at the next sign-in. Reset uses the temporary password typed above.</source>
        <translation>Временный пароль (не короче {length} символов, не имя пользователя) действует один раз: при следующем входе пользователь выбирает свой. Сброс использует временный пароль, введённый выше.</translation>
    </message>
    <message>
        <source>Ta&amp;xpayer number (ИНН):</source>
        <translation>&amp;ИНН кассира:</translation>
    </message>
    <message>
        <source>Set number</source>
        <translation>Сохранить ИНН</translation>
    </message>
    <message>
        <source>Add a user</source>
        <translation>Добавить пользователя</translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation>&amp;Имя пользователя:</translation>
    </message>
    <message>
        <source>&amp;Full name:</source>
        <translation>&amp;Полное имя:</translation>
    </message>
    <message>
        <source>R&amp;ole:</source>
        <translation>Р&amp;оль:</translation>
    </message>
    <message>
        <source>&amp;Temporary password:</source>
        <translation>&amp;Временный пароль:</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>&amp;Добавить</translation>
    </message>
    <message>
        <source>deactivated</source>
        <translation>отключён</translation>
    </message>
    <message>
        <source>chooses a password at the next sign-in</source>
        <translation>выберет пароль при следующем входе</translation>
    </message>
    <message>
        <source>active</source>
        <translation>активен</translation>
    </message>
    <message>
        <source>&amp;Activate</source>
        <translation>&amp;Включить</translation>
    </message>
</context>
<context>
    <name>PosConnectionsDialog</name>
    <message>
        <source>POS connections</source>
        <translation>Подключения POS</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Ключи</translation>
    </message>
    <message>
        <source>POS</source>
        <translation>POS</translation>
    </message>
    <message>
        <source>Outlet</source>
        <translation>Точка продаж</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Создан</translation>
    </message>
    <message>
        <source>Revoked</source>
        <translation>Отозван</translation>
    </message>
    <message>
        <source>POS name, e.g. bar-1</source>
        <translation>Имя POS, например bar-1</translation>
    </message>
    <message>
        <source>Create key</source>
        <translation>Создать ключ</translation>
    </message>
    <message>
        <source>Revoke</source>
        <translation>Отозвать</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Копировать</translation>
    </message>
    <message>
        <source>Payment codes</source>
        <translation>Коды оплаты</translation>
    </message>
    <message>
        <source>Which POS payment means a charge to the room: on credit (a Not paid bill) or paid from the stay&apos;s deposit.</source>
        <translation>Какая оплата в POS означает начисление на номер: в кредит (неоплаченный счёт) или оплата из депозита проживания.</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Код</translation>
    </message>
    <message>
        <source>Means</source>
        <translation>Означает</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Название</translation>
    </message>
    <message>
        <source>Name at the POS</source>
        <translation>Название в POS</translation>
    </message>
    <message>
        <source>Save code</source>
        <translation>Сохранить код</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Удалить</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Служба</translation>
    </message>
    <message>
        <source>A check that arrives after the guest checked out:</source>
        <translation>Чек, пришедший после выезда гостя:</translation>
    </message>
    <message>
        <source>post it on the last bill and flag it for the desk</source>
        <translation>провести на последний счёт и отметить для стойки</translation>
    </message>
    <message>
        <source>refuse it: the cashier settles it at the POS</source>
        <translation>отклонить: кассир рассчитает его в POS</translation>
    </message>
    <message>
        <source>Run the POS service inside this program</source>
        <translation>Запускать службу POS внутри этой программы</translation>
    </message>
    <message>
        <source>For a hotel with one desk; takes effect from the next start.</source>
        <translation>Для отеля с одной стойкой; действует со следующего запуска.</translation>
    </message>
    <message>
        <source>Run the POS service inside this program (a hotel with one desk; from the next start)</source>
        <translation type="vanished">Запускать службу POS внутри этой программы (отель с одной стойкой; со следующего запуска)</translation>
    </message>
    <message>
        <source>Charge to room on credit</source>
        <translation>Начисление на номер в кредит</translation>
    </message>
    <message>
        <source>Paid from the deposit</source>
        <translation>Оплата из депозита</translation>
    </message>
    <message>
        <source>Key of {name}, shown only now:</source>
        <translation>Ключ {name}, показан только сейчас:</translation>
    </message>
</context>
<context>
    <name>PostingsModel</name>
    <message>
        <source>Date</source>
        <translation>Дата</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Время</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Услуга</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>Количество</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>Цена</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Сумма</translation>
    </message>
    <message>
        <source>Tax</source>
        <translation>Налог</translation>
    </message>
    <message>
        <source>Bill</source>
        <translation>Счёт</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Источник</translation>
    </message>
    <message>
        <source>{outlet}, check {check}</source>
        <translation>{outlet}, чек {check}</translation>
    </message>
    <message>
        <source>Front desk</source>
        <translation>Стойка регистрации</translation>
    </message>
    <message>
        <source>Night audit</source>
        <translation>Ночной аудит</translation>
    </message>
    <message>
        <source>Point of sale</source>
        <translation>Точка продаж</translation>
    </message>
    <message>
        <source>Bill transfer</source>
        <translation>Перенос счёта</translation>
    </message>
    <message>
        <source>Reversal: {service}</source>
        <translation>Сторно: {service}</translation>
    </message>
    <message>
        <source>Void: {service}</source>
        <translation>Аннулирование: {service}</translation>
    </message>
    <message>
        <source>{amount} ({percent}%)</source>
        <translation>{amount} ({percent}%)</translation>
    </message>
    <message>
        <source>Voided by {user} on {when}.</source>
        <translation>Аннулировал {user} {when}.</translation>
    </message>
    <message>
        <source>Reversed by {user} on {when}.</source>
        <translation>Сторнировал {user} {when}.</translation>
    </message>
    <message>
        <source>Authorised by {manager}.</source>
        <translation>Разрешил {manager}.</translation>
    </message>
    <message>
        <source>Reason: {reason}</source>
        <translation>Причина: {reason}</translation>
    </message>
</context>
<context>
    <name>PreAuthorisationsModel</name>
    <message>
        <source>Amount</source>
        <translation>Сумма</translation>
    </message>
    <message>
        <source>Age (days)</source>
        <translation type="vanished">Возраст (дни)</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Состояние</translation>
    </message>
    <message>
        <source>Card</source>
        <translation>Карта</translation>
    </message>
    <message>
        <source>Days</source>
        <translation>Дней</translation>
    </message>
    <message>
        <source>open</source>
        <translation>открыта</translation>
    </message>
    <message>
        <source>captured</source>
        <translation>списана</translation>
    </message>
    <message>
        <source>partly captured, rest released</source>
        <translation>списана частично, остаток снят</translation>
    </message>
    <message>
        <source>released</source>
        <translation>снята</translation>
    </message>
    <message>
        <source>released by the bank</source>
        <translation>снята банком</translation>
    </message>
    <message>
        <source>{state} · over {days} days</source>
        <translation>{state} · более {days} дней</translation>
    </message>
    <message>
        <source>Older than {days} days: the bank may have released it already. Pre-authorise close to arrival.</source>
        <translation>Старше {days} дней: банк мог уже снять блокировку. Делайте предавторизацию ближе к заезду.</translation>
    </message>
</context>
<context>
    <name>PrinterDialog</name>
    <message>
        <source>Printer</source>
        <translation>Принтер</translation>
    </message>
    <message>
        <source>Add printer</source>
        <translation>Добавить принтер</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Имя:</translation>
    </message>
    <message>
        <source>&amp;Address:</source>
        <translation>&amp;Адрес:</translation>
    </message>
    <message>
        <source>&amp;Model profile:</source>
        <translation>&amp;Профиль модели:</translation>
    </message>
    <message>
        <source>{mm} mm</source>
        <translation>{mm} мм</translation>
    </message>
    <message>
        <source>&amp;Paper width:</source>
        <translation>&amp;Ширина бумаги:</translation>
    </message>
    <message>
        <source>None (test pages and copies)</source>
        <translation>Нет (тестовые страницы и копии)</translation>
    </message>
    <message>
        <source>Prints for &amp;register:</source>
        <translation>Печатает для &amp;кассы:</translation>
    </message>
    <message>
        <source>The cash &amp;drawer is connected to this printer</source>
        <translation>К этому принтеру подключён денежный &amp;ящик</translation>
    </message>
    <message>
        <source>Draw text as an &amp;image</source>
        <translation>Печатать текст &amp;картинкой</translation>
    </message>
    <message>
        <source>For a printer that prints boxes or question marks instead of letters: the receipt&apos;s text is drawn as a picture, whatever code pages the printer has. Print a test page to check.</source>
        <translation>Для принтера, который печатает квадратики или вопросительные знаки вместо букв: текст чека рисуется картинкой, какие бы кодовые страницы ни были у принтера. Проверьте пробной страницей.</translation>
    </message>
</context>
<context>
    <name>RackModel</name>
    <message>
        <source>{type} · no room yet</source>
        <translation>{type} · номер не назначен</translation>
    </message>
    <message>
        <source>{room} · {type}</source>
        <translation>{room} · {type}</translation>
    </message>
    <message>
        <source>{room} (not cleaned)</source>
        <translation>{room} (не убран)</translation>
    </message>
    <message>
        <source>{guest} · {number}</source>
        <translation>{guest} · {number}</translation>
    </message>
    <message>
        <source>{guest} · {number} · {arrival} – {departure}</source>
        <translation>{guest} · {number} · {arrival} – {departure}</translation>
    </message>
    <message>
        <source>Room</source>
        <translation>Номер</translation>
    </message>
</context>
<context>
    <name>ReaderSaveDialog</name>
    <message>
        <source>Save a card from the terminal</source>
        <translation>Сохранить карту с терминала</translation>
    </message>
    <message>
        <source>Looking for the card reader of this workstation…</source>
        <translation>Поиск считывателя карт этого рабочего места…</translation>
    </message>
    <message>
        <source>No card reader of an online operator is set up at this workstation: a manager sets it in Settings, Card operators.</source>
        <translation>На этом рабочем месте не настроен считыватель онлайн-оператора карт: менеджер указывает его в Настройки, Операторы карт.</translation>
    </message>
    <message>
        <source>Save a card from the terminal · {operator}</source>
        <translation>Сохранить карту с терминала · {operator}</translation>
    </message>
    <message>
        <source>Starting the terminal {reader}…</source>
        <translation>Запуск терминала {reader}…</translation>
    </message>
    <message>
        <source>Starting the reader {reader}…</source>
        <translation>Запуск считывателя {reader}…</translation>
    </message>
    <message>
        <source>Ask the guest to present the card on the terminal {reader}. Nothing is charged: the card is saved for later.</source>
        <translation>Попросите гостя приложить карту к терминалу {reader}. Ничего не списывается: карта сохраняется на будущее.</translation>
    </message>
    <message>
        <source>Ask the guest to present the card on the reader {reader}. Nothing is charged: the card is saved for later.</source>
        <translation>Попросите гостя приложить карту к считывателю {reader}. Ничего не списывается: карта сохраняется на будущее.</translation>
    </message>
    <message>
        <source>Asking {operator}…</source>
        <translation>Запрос к {operator}…</translation>
    </message>
    <message>
        <source>Asking the terminal to stop, and {operator} whether a card was saved…</source>
        <translation>Терминал останавливается, {operator} спрашивается, была ли сохранена карта…</translation>
    </message>
    <message>
        <source>Asking the reader to stop, and {operator} whether a card was saved…</source>
        <translation>Считыватель останавливается, {operator} спрашивается, была ли сохранена карта…</translation>
    </message>
    <message>
        <source>{operator} did not answer. The card is listed under Pending card operations, where {operator} is asked again whether the terminal saved it.</source>
        <translation>{operator} не ответил. Карта указана в «Незавершённых операциях по картам», где {operator} будет снова спрошен, сохранил ли её терминал.</translation>
    </message>
    <message>
        <source>{operator} did not answer. The card is listed under Pending card operations, where {operator} is asked again whether the reader saved it.</source>
        <translation>{operator} не ответил. Карта указана в «Незавершённых операциях по картам», где {operator} будет снова спрошен, сохранил ли её считыватель.</translation>
    </message>
    <message>
        <source>{operator} refused the card ({code}). Nothing was saved.</source>
        <translation>{operator} отклонил карту ({code}). Ничего не сохранено.</translation>
    </message>
    <message>
        <source>no reason given</source>
        <translation>причина не указана</translation>
    </message>
    <message>
        <source>The terminal {reader} is offline or busy with another payment: check it and try again. Nothing was saved.</source>
        <translation>Терминал {reader} не в сети или занят другой оплатой: проверьте его и повторите. Ничего не сохранено.</translation>
    </message>
    <message>
        <source>The reader {reader} is offline or busy with another payment: check it and try again. Nothing was saved.</source>
        <translation>Считыватель {reader} не в сети или занят другой оплатой: проверьте его и повторите. Ничего не сохранено.</translation>
    </message>
    <message>
        <source>{operator} refused the request: {error}. Nothing was saved.</source>
        <translation>{operator} отклонил запрос: {error}. Ничего не сохранено.</translation>
    </message>
    <message>
        <source>The terminal stopped without a card (none was presented in time, or the guest cancelled). Nothing was saved.</source>
        <translation>Терминал остановился без карты (её не приложили вовремя или гость отменил). Ничего не сохранено.</translation>
    </message>
    <message>
        <source>The reader stopped without a card (none was presented in time, or the guest cancelled). Nothing was saved.</source>
        <translation>Считыватель остановился без карты (её не приложили вовремя или гость отменил). Ничего не сохранено.</translation>
    </message>
</context>
<context>
    <name>ReceiptDialog</name>
    <message>
        <source>Receipt</source>
        <translation>Чек</translation>
    </message>
    <message>
        <source>&amp;Print receipt</source>
        <translation>&amp;Печатать чек</translation>
    </message>
    <message>
        <source>Cash &amp;register:</source>
        <translation>&amp;ККТ:</translation>
    </message>
    <message>
        <source>Send the electronic receipt to:</source>
        <translation>Отправить электронный чек:</translation>
    </message>
    <message>
        <source>&amp;E-mail</source>
        <translation>&amp;Эл. почта</translation>
    </message>
    <message>
        <source>P&amp;hone</source>
        <translation>Т&amp;елефон</translation>
    </message>
    <message>
        <source>Printing the receipt…</source>
        <translation>Печать чека…</translation>
    </message>
    <message>
        <source>Printing the receipt again…</source>
        <translation>Повторная печать чека…</translation>
    </message>
    <message>
        <source>No cash register is configured on this workstation.</source>
        <translation type="vanished">На этом рабочем месте не настроена ККТ.</translation>
    </message>
    <message>
        <source>Refund receipt (return of income)</source>
        <translation>Чек возврата (возврат прихода)</translation>
    </message>
    <message>
        <source>Sale receipt (receipt of income)</source>
        <translation>Чек продажи (приход)</translation>
    </message>
    <message>
        <source>{method} · {amount} · {date} · {payer}</source>
        <translation>{method} · {amount} · {date} · {payer}</translation>
    </message>
    <message>
        <source>Only payments and refunds get a fiscal receipt.</source>
        <translation type="vanished">Фискальный чек выдаётся только на платежи и возвраты.</translation>
    </message>
    <message>
        <source>{method} payments get no fiscal receipt.</source>
        <translation type="vanished">На платежи «{method}» фискальный чек не выдаётся.</translation>
    </message>
    <message>
        <source>No fiscal receipt</source>
        <translation>Без фискального чека</translation>
    </message>
    <message>
        <source>Choose the cash register.</source>
        <translation>Выберите ККТ.</translation>
    </message>
    <message>
        <source>Receipt {number} printed.</source>
        <translation>Чек {number} напечатан.</translation>
    </message>
    <message>
        <source>Receipt {number} is issued and waits to be printed again.</source>
        <translation>Чек {number} оформлен и ждёт повторной печати.</translation>
    </message>
    <message>
        <source>Printing was cancelled. Press Retry to print the receipt.</source>
        <translation>Печать отменена. Нажмите «Повторить», чтобы напечатать чек.</translation>
    </message>
    <message>
        <source>&amp;Retry</source>
        <translation>&amp;Повторить</translation>
    </message>
    <message>
        <source>Enter the e-mail address, or untick E-mail.</source>
        <translation>Введите адрес эл. почты или снимите отметку «Эл. почта».</translation>
    </message>
    <message>
        <source>Enter the phone number, or untick Phone.</source>
        <translation>Введите номер телефона или снимите отметку «Телефон».</translation>
    </message>
</context>
<context>
    <name>ReceiptsCheck</name>
    <message>
        <source>Receipts confirmed by the register: {count}.</source>
        <translation>Чеков, подтверждённых кассой: {count}.</translation>
    </message>
    <message>
        <source>Receipts the register never issued: {count}. Print them from the card (Action → Print receipt).</source>
        <translation>Чеков, которые касса не оформила: {count}. Напечатайте их из карточки (Действие → Печать чека).</translation>
    </message>
    <message>
        <source>Cash in or out the register never issued: {count}. They are issued with the shift&apos;s next paper, at the latest before its Z report.</source>
        <translation>Внесений и выплат, которые касса не оформила: {count}. Они будут оформлены со следующими документами смены, не позднее её Z-отчёта.</translation>
    </message>
    <message>
        <source>Receipts the register could not answer for: {count}. Check again when the register is on (Shift → Check receipts).</source>
        <translation>Чеков, по которым касса не смогла ответить: {count}. Проверьте снова, когда касса будет включена (Смена → Проверить чеки).</translation>
    </message>
    <message>
        <source>Sale receipt</source>
        <translation>Чек продажи</translation>
    </message>
    <message>
        <source>Refund receipt</source>
        <translation>Чек возврата</translation>
    </message>
    <message>
        <source>Shift opening</source>
        <translation>Открытие смены</translation>
    </message>
    <message>
        <source>Cash in</source>
        <translation>Внесение</translation>
    </message>
    <message>
        <source>Cash out</source>
        <translation>Выплата</translation>
    </message>
    <message>
        <source>X report</source>
        <translation>X-отчёт</translation>
    </message>
    <message>
        <source>Z report</source>
        <translation>Z-отчёт</translation>
    </message>
    <message>
        <source>cut short</source>
        <translation>печать оборвалась</translation>
    </message>
    <message>
        <source>may not have printed whole</source>
        <translation>печать могла пройти не полностью</translation>
    </message>
    <message>
        <source>not printed</source>
        <translation>не печаталось</translation>
    </message>
    <message>
        <source>no print has ended</source>
        <translation>печать не завершена</translation>
    </message>
    <message>
        <source>{document} had printed whole meanwhile: nothing was printed again.</source>
        <translation>{document} — тем временем напечатано полностью: повторно ничего не печаталось.</translation>
    </message>
    <message>
        <source>{document} printed again, marked COPY.</source>
        <translation>{document} — напечатано снова с пометкой КОПИЯ.</translation>
    </message>
    <message>
        <source>{document} printed.</source>
        <translation>{document} — напечатано.</translation>
    </message>
    <message>
        <source>{document} did not print whole: {error}. It still waits: once the printer is fixed, press Print again.</source>
        <translation>{document} — напечатано не полностью: {error}. Документ по-прежнему ждёт: когда принтер будет исправен, нажмите «Напечатать снова».</translation>
    </message>
    <message>
        <source>{document} was not printed: {problem}</source>
        <translation>{document} — не напечатано: {problem}</translation>
    </message>
    <message>
        <source>Documents waiting to be printed again: {numbers}. Print them from the card (Action → Print receipt); they are marked COPY.</source>
        <translation type="vanished">Документы, ждущие повторной печати: {numbers}. Напечатайте их из карточки (Действие → Печать чека); они помечаются КОПИЯ.</translation>
    </message>
    <message>
        <source>Every receipt is settled with the register.</source>
        <translation>Все чеки сверены с кассой.</translation>
    </message>
    <message>
        <source>Check receipts</source>
        <translation type="vanished">Проверка чеков</translation>
    </message>
</context>
<context>
    <name>ReceiptsCheckDialog</name>
    <message>
        <source>Check receipts</source>
        <translation>Проверка чеков</translation>
    </message>
    <message>
        <source>Print again prints the document whole on its register. Where any of it may already be on paper, it is marked COPY; no new fiscal document is issued.</source>
        <translation>«Напечатать снова» печатает документ целиком на его кассе. Если часть его уже могла попасть на бумагу, он помечается КОПИЯ; новый фискальный документ не оформляется.</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>Документ</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Номер</translation>
    </message>
    <message>
        <source>Register</source>
        <translation>Касса</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Сумма</translation>
    </message>
    <message>
        <source>Paper</source>
        <translation>Бумага</translation>
    </message>
    <message>
        <source>Issued</source>
        <translation>Оформлен</translation>
    </message>
    <message>
        <source>Print &amp;again</source>
        <translation>&amp;Напечатать снова</translation>
    </message>
    <message>
        <source>Print a&amp;ll again</source>
        <translation>Напечатать снова &amp;все</translation>
    </message>
    <message>
        <source>Waiting to be printed again: {count}</source>
        <translation>Ждут повторной печати: {count}</translation>
    </message>
    <message>
        <source>Nothing waits to be printed again.</source>
        <translation>Повторной печати ничего не ждёт.</translation>
    </message>
    <message>
        <source>Print again</source>
        <translation>Повторная печать</translation>
    </message>
    <message>
        <source>The other documents were not tried: they still wait.</source>
        <translation>Остальные документы не печатались: они по-прежнему ждут.</translation>
    </message>
    <message>
        <source>Printing was cancelled: the documents still wait.</source>
        <translation>Печать отменена: документы по-прежнему ждут.</translation>
    </message>
</context>
<context>
    <name>RegisterDocuments</name>
    <message>
        <source>Sale receipt</source>
        <translation>Чек прихода</translation>
    </message>
    <message>
        <source>Refund receipt</source>
        <translation>Чек возврата прихода</translation>
    </message>
    <message>
        <source>Cash in</source>
        <translation>Внесение</translation>
    </message>
    <message>
        <source>Cash out</source>
        <translation>Выплата</translation>
    </message>
    <message>
        <source>X report</source>
        <translation>X-отчёт</translation>
    </message>
    <message>
        <source>Z report</source>
        <translation>Z-отчёт</translation>
    </message>
    <message>
        <source>Shift opening</source>
        <translation>Открытие смены</translation>
    </message>
    <message>
        <source>No answer came back</source>
        <translation>Ответ не пришёл</translation>
    </message>
    <message>
        <source>The answer did not say</source>
        <translation>Ответ неясен</translation>
    </message>
    <message>
        <source>Pending register documents</source>
        <translation>Незавершённые документы касс</translation>
    </message>
    <message>
        <source>Documents no register could say it issued or not: Check receipts asks again. When it still cannot tell, read the register&apos;s own report (its fiscal storage or electronic journal) and settle the document by hand: a receipt not issued may then be printed again, never before.</source>
        <translation>Документы, о которых касса не смогла сказать, выданы они или нет: «Проверить чеки» спрашивает снова. Если касса всё равно не может ответить, посмотрите её собственный отчёт (фискальный накопитель или электронный журнал) и закройте документ вручную: невыданный чек можно будет напечатать снова, но не раньше.</translation>
    </message>
    <message>
        <source>Asked</source>
        <translation>Запрошено</translation>
    </message>
    <message>
        <source>Register</source>
        <translation>Касса</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>Документ</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Сумма</translation>
    </message>
    <message>
        <source>Our key</source>
        <translation>Наш ключ</translation>
    </message>
    <message>
        <source>Last answer</source>
        <translation>Последний ответ</translation>
    </message>
    <message>
        <source>Settle by &amp;hand…</source>
        <translation>Закрыть &amp;вручную…</translation>
    </message>
    <message>
        <source>No register document is pending.</source>
        <translation>Незавершённых документов касс нет.</translation>
    </message>
    <message>
        <source>{register}, our key {key}: {answer}</source>
        <translation>{register}, наш ключ {key}: {answer}</translation>
    </message>
    <message>
        <source>Settled by hand.</source>
        <translation>Закрыто вручную.</translation>
    </message>
</context>
<context>
    <name>RegisterSettingsDialog</name>
    <message>
        <source>Cash register %1</source>
        <translation>Касса %1</translation>
    </message>
    <message>
        <source>Receipt printer with the desk&apos;s signed journal (not fiscal)</source>
        <translation>Чековый принтер с подписанным журналом программы (не фискальный)</translation>
    </message>
    <message>
        <source>ATOL through its web server (Russia)</source>
        <translation>АТОЛ через веб-сервер драйвера (Россия)</translation>
    </message>
    <message>
        <source>KKM-server (Russia)</source>
        <translation>ККМ-сервер (Россия)</translation>
    </message>
    <message>
        <source>Fiscal printer through ErpNet.FP (Bulgaria)</source>
        <translation>Фискальный принтер через ErpNet.FP (Болгария)</translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation>&amp;Тип:</translation>
    </message>
    <message>
        <source>Server &amp;address:</source>
        <translation>&amp;Адрес сервера:</translation>
    </message>
    <message>
        <source>&amp;Device id:</source>
        <translation>&amp;Устройство:</translation>
    </message>
    <message>
        <source>General (ОСН)</source>
        <translation>Общая (ОСН)</translation>
    </message>
    <message>
        <source>Simplified, on income (УСН доход)</source>
        <translation>Упрощённая, доходы (УСН доход)</translation>
    </message>
    <message>
        <source>Simplified, income less expense (УСН доход − расход)</source>
        <translation>Упрощённая, доходы минус расходы (УСН доход − расход)</translation>
    </message>
    <message>
        <source>Agricultural tax (ЕСХН)</source>
        <translation>Единый сельхозналог (ЕСХН)</translation>
    </message>
    <message>
        <source>Patent (ПСН)</source>
        <translation>Патент (ПСН)</translation>
    </message>
    <message>
        <source>&amp;Taxation system:</source>
        <translation>&amp;Система налогообложения:</translation>
    </message>
    <message>
        <source>&amp;VAT codes:</source>
        <translation>Коды &amp;НДС:</translation>
    </message>
    <message>
        <source>Follows the cash shift of &amp;workstation:</source>
        <translation>Следует кассовой смене &amp;рабочего места:</translation>
    </message>
    <message>
        <source>&amp;Check connection</source>
        <translation>&amp;Проверить связь</translation>
    </message>
    <message>
        <source>e.g. 9=Г,20=Б,none=А: accommodation 9 % in group Г, 20 % in Б, exempt in А</source>
        <translation>например 9=Г,20=Б,none=А: проживание 9 % в группе Г, 20 % в Б, без НДС в А</translation>
    </message>
    <message>
        <source>e.g. 20=vat20,10=vat10,0=vat0,none=none</source>
        <translation>например 20=vat20,10=vat10,0=vat0,none=none</translation>
    </message>
    <message>
        <source>Our rate = the register&apos;s code, comma separated; the codes are %1. %2</source>
        <translation>Наша ставка = код кассы, через запятую; коды: %1. %2</translation>
    </message>
    <message>
        <source>printer id, e.g. dt279013</source>
        <translation>id принтера, например dt279013</translation>
    </message>
    <message>
        <source>device number on the server</source>
        <translation>номер устройства на сервере</translation>
    </message>
    <message>
        <source>Asking register %1…</source>
        <translation>Опрашиваем кассу %1…</translation>
    </message>
    <message>
        <source>Check connection</source>
        <translation>Проверка связи</translation>
    </message>
    <message>
        <source>The register&apos;s answer was not waited for: Check connection asks again.</source>
        <translation>Ответ кассы не дожидались: «Проверить связь» спросит снова.</translation>
    </message>
    <message>
        <source>its shift is open</source>
        <translation>смена открыта</translation>
    </message>
    <message>
        <source>its shift is closed</source>
        <translation>смена закрыта</translation>
    </message>
    <message>
        <source>its shift is over 24 hours: close it with a Z report</source>
        <translation>смена длится больше 24 часов: закройте её Z-отчётом</translation>
    </message>
    <message>
        <source>The register answered: %1</source>
        <translation>Касса ответила: %1</translation>
    </message>
    <message>
        <source>it reports: %1</source>
        <translation>она сообщает: %1</translation>
    </message>
    <message>
        <source>it is ready</source>
        <translation>она готова к работе</translation>
    </message>
    <message>
        <source>its printer: %1</source>
        <translation>его принтер: %1</translation>
    </message>
    <message>
        <source>its fiscal storage reports a fault: call the register&apos;s service centre</source>
        <translation>фискальный накопитель сообщает о неисправности: обратитесь в сервисный центр кассы</translation>
    </message>
    <message>
        <source>its fiscal storage is nearly full: order a new one now</source>
        <translation>фискальный накопитель почти заполнен: закажите новый сейчас</translation>
    </message>
    <message>
        <source>its fiscal storage must be replaced soon (its validity is ending): order a new one now</source>
        <translation>фискальный накопитель скоро нужно заменить (срок его действия заканчивается): закажите новый сейчас</translation>
    </message>
    <message>
        <source>its documents have not reached the fiscal data operator for too long: check the register&apos;s Internet connection and the operator&apos;s contract</source>
        <translation>документы слишком долго не доходят до оператора фискальных данных: проверьте подключение кассы к интернету и договор с ОФД</translation>
    </message>
</context>
<context>
    <name>RegisterStorage</name>
    <message>
        <source>FS: replace by {date}</source>
        <translation>ФН: заменить до {date}</translation>
    </message>
    <message>
        <source>FS fault: call service</source>
        <translation>ФН неисправен: вызовите сервис</translation>
    </message>
    <message>
        <source>FS nearly full</source>
        <translation>ФН почти заполнен</translation>
    </message>
    <message>
        <source>OFD: unsent for {days} d.</source>
        <translation>ОФД: не отправлено {days} дн.</translation>
    </message>
</context>
<context>
    <name>ReportsWindow</name>
    <message>
        <source>Reports</source>
        <translation>Отчёты</translation>
    </message>
    <message>
        <source>every workstation</source>
        <translation>все рабочие места</translation>
    </message>
    <message>
        <source>&amp;Show</source>
        <translation>&amp;Показать</translation>
    </message>
    <message>
        <source>Report:</source>
        <translation>Отчёт:</translation>
    </message>
    <message>
        <source>From:</source>
        <translation type="vanished">С:</translation>
    </message>
    <message>
        <source>To:</source>
        <translation type="vanished">По:</translation>
    </message>
    <message>
        <source>Workstation:</source>
        <translation>Рабочее место:</translation>
    </message>
    <message>
        <source>Filter rows…</source>
        <translation>Отбор строк…</translation>
    </message>
    <message>
        <source>Export &amp;PDF…</source>
        <translation>Экспорт в &amp;PDF…</translation>
    </message>
    <message>
        <source>Export &amp;CSV…</source>
        <translation>Экспорт в &amp;CSV…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Закрыть</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; · %2&lt;br&gt;%3&lt;br&gt;Made %4 by %5</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; · %2&lt;br&gt;%3&lt;br&gt;Составлен %4, %5</translation>
    </message>
    <message>
        <source>Front desk</source>
        <translation>Служба приёма</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>Файлы PDF (*.pdf)</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Файлы CSV (*.csv)</translation>
    </message>
    <message>
        <source>Export the report</source>
        <translation>Экспорт отчёта</translation>
    </message>
</context>
<context>
    <name>ReservationCard</name>
    <message>
        <source>Card</source>
        <translation>Карточка</translation>
    </message>
    <message>
        <source>View service &amp;details</source>
        <translation>Показать &amp;детали услуги</translation>
    </message>
    <message>
        <source>Make &amp;payment…</source>
        <translation>Принять о&amp;плату…</translation>
    </message>
    <message>
        <source>Make &amp;refund…</source>
        <translation>Оформить &amp;возврат…</translation>
    </message>
    <message>
        <source>&amp;Move services to another bill…</source>
        <translation>П&amp;еренести услуги на другой счёт…</translation>
    </message>
    <message>
        <source>&amp;Split bill…</source>
        <translation>&amp;Разделить счёт…</translation>
    </message>
    <message>
        <source>Print &amp;bill (PDF)</source>
        <translation>Печать &amp;счёта (PDF)</translation>
    </message>
    <message>
        <source>Print r&amp;eceipt…</source>
        <translation>Печать &amp;чека…</translation>
    </message>
    <message>
        <source>Print receipt c&amp;opy</source>
        <translation>Печать коп&amp;ии чека</translation>
    </message>
    <message>
        <source>Print card s&amp;lip</source>
        <translation>Печать сл&amp;ипа</translation>
    </message>
    <message>
        <source>&amp;Void…</source>
        <translation>&amp;Аннулировать…</translation>
    </message>
    <message>
        <source>Add &amp;service…</source>
        <translation>Добавить услу&amp;гу…</translation>
    </message>
    <message>
        <source>&amp;Deposit…</source>
        <translation>Деп&amp;озит…</translation>
    </message>
    <message>
        <source>Check &amp;in</source>
        <translation>&amp;Заселить</translation>
    </message>
    <message>
        <source>Check in to a &amp;chosen room…</source>
        <translation>Заселить в &amp;выбранный номер…</translation>
    </message>
    <message>
        <source>C&amp;hange dates and rate…</source>
        <translation>&amp;Изменить даты и цену…</translation>
    </message>
    <message>
        <source>Cance&amp;l reservation…</source>
        <translation>Отменить &amp;бронь…</translation>
    </message>
    <message>
        <source>Mar&amp;k no-show…</source>
        <translation>Отм&amp;етить незаезд…</translation>
    </message>
    <message>
        <source>Move to another roo&amp;m…</source>
        <translation>Переселить в другой &amp;номер…</translation>
    </message>
    <message>
        <source>Check &amp;out…</source>
        <translation>В&amp;ыезд…</translation>
    </message>
    <message>
        <source>Pay by car&amp;d on the terminal…</source>
        <translation>Оплата карто&amp;й на терминале…</translation>
    </message>
    <message>
        <source>Refund to the card on the terminal…</source>
        <translation>Возврат на карту через терминал…</translation>
    </message>
    <message>
        <source>Pre-&amp;authorise…</source>
        <translation>Пред&amp;авторизация…</translation>
    </message>
    <message>
        <source>Ca&amp;pture…</source>
        <translation>Спи&amp;сать…</translation>
    </message>
    <message>
        <source>Re&amp;lease…</source>
        <translation>Сн&amp;ять блокировку…</translation>
    </message>
    <message>
        <source>Print card slip</source>
        <translation>Печать слипа</translation>
    </message>
    <message>
        <source>Save a new card on the operator&apos;s page…</source>
        <translation>Сохранить новую карту на странице эквайера…</translation>
    </message>
    <message>
        <source>Save a card from the terminal…</source>
        <translation>Сохранить карту с терминала…</translation>
    </message>
    <message>
        <source>&amp;Reload</source>
        <translation>Перезагрузи&amp;ть</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>За&amp;крыть</translation>
    </message>
    <message>
        <source>&amp;Card</source>
        <translation>&amp;Карточка</translation>
    </message>
    <message>
        <source>&amp;Action</source>
        <translation>Д&amp;ействие</translation>
    </message>
    <message>
        <source>What the bills still owe, less the deposit held on account</source>
        <translation>Сколько ещё должны счета за вычетом депозита на счёте</translation>
    </message>
    <message>
        <source>Credit card</source>
        <translation>Кредитная карта</translation>
    </message>
    <message>
        <source>Saved cards</source>
        <translation>Сохранённые карты</translation>
    </message>
    <message>
        <source>No saved cards</source>
        <translation>Нет сохранённых карт</translation>
    </message>
    <message>
        <source>&amp;New card…</source>
        <translation>&amp;Новая карта…</translation>
    </message>
    <message>
        <source>&amp;Terminal…</source>
        <translation>&amp;Терминал…</translation>
    </message>
    <message>
        <source>Pre-authorisations</source>
        <translation>Предавторизации</translation>
    </message>
    <message>
        <source>No pre-authorisations</source>
        <translation>Нет предавторизаций</translation>
    </message>
    <message>
        <source>A pre-authorisation older than {days} days may already be released by the bank: pre-authorise close to arrival.</source>
        <translation>Предавторизацию старше {days} дней банк мог уже снять: делайте её ближе к заезду.</translation>
    </message>
    <message>
        <source>Services breakdown</source>
        <translation>Детализация услуг</translation>
    </message>
    <message>
        <source>Accommodation and ser&amp;vices</source>
        <translation>Проживание и ус&amp;луги</translation>
    </message>
    <message>
        <source>&amp;Bills and payments</source>
        <translation>&amp;Счета и платежи</translation>
    </message>
    <message>
        <source>Actio&amp;n</source>
        <translation>Дейст&amp;вие</translation>
    </message>
    <message>
        <source>Could not refresh the card: {error}</source>
        <translation>Не удалось обновить карточку: {error}</translation>
    </message>
    <message>
        <source>Updated {time}</source>
        <translation>Обновлено {time}</translation>
    </message>
    <message>
        <source>This card&apos;s dialog is still working: wait for its answer or press its Cancel first.</source>
        <translation>Окно этой карточки ещё работает: дождитесь ответа или сначала нажмите в нём «Отмена».</translation>
    </message>
    <message>
        <source>This card has a dialog open: finish it or press its Cancel, then close the card.</source>
        <translation>В этой карточке открыто окно: завершите его или нажмите в нём «Отмена», затем закройте карточку.</translation>
    </message>
    <message>
        <source>{count} services · charged {charged} · paid {paid} · balance {balance}</source>
        <translation>Услуг: {count} · начислено {charged} · оплачено {paid} · остаток {balance}</translation>
    </message>
    <message>
        <source>In credit: {amount}</source>
        <translation>Переплата: {amount}</translation>
    </message>
    <message>
        <source>Balance: {amount}</source>
        <translation>Остаток: {amount}</translation>
    </message>
    <message>
        <source>The balance in the other currencies the hotel accepts</source>
        <translation>Остаток в других валютах, которые принимает гостиница</translation>
    </message>
    <message>
        <source>Deposit: {amount}</source>
        <translation>Депозит: {amount}</translation>
    </message>
    <message>
        <source>Credit limit: {amount}</source>
        <translation>Кредитный лимит: {amount}</translation>
    </message>
    <message>
        <source>{number} · {guests}</source>
        <translation>{number} · {guests}</translation>
    </message>
    <message>
        <source>Card · {title}</source>
        <translation>Карточка · {title}</translation>
    </message>
    <message>
        <source>Reservation {number}</source>
        <translation>Бронирование {number}</translation>
    </message>
    <message>
        <source>Room {number}, {type}</source>
        <translation>Номер {number}, {type}</translation>
    </message>
    <message>
        <source>No room yet</source>
        <translation>Номер ещё не назначен</translation>
    </message>
    <message>
        <source>{arrival} – {departure}, {nights} nights</source>
        <translation>{arrival} – {departure}, ночей: {nights}</translation>
    </message>
    <message>
        <source>Company account</source>
        <translation>Счёт компании</translation>
    </message>
    <message>
        <source>Event · {start} – {end}</source>
        <translation>Мероприятие · {start} – {end}</translation>
    </message>
    <message>
        <source>Walk-in client</source>
        <translation>Клиент без брони</translation>
    </message>
    <message>
        <source>Confirmed</source>
        <translation>Подтверждено</translation>
    </message>
    <message>
        <source>In house</source>
        <translation>Проживает</translation>
    </message>
    <message>
        <source>Checked out</source>
        <translation>Выехал</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Отменено</translation>
    </message>
    <message>
        <source>No-show</source>
        <translation>Незаезд</translation>
    </message>
    <message>
        <source>Pa&amp;yments on the deposit account</source>
        <translation>Пл&amp;атежи на депозитном счёте</translation>
    </message>
    <message>
        <source>Pa&amp;yments and refunds of bill {number}</source>
        <translation>Пл&amp;атежи и возвраты по счёту {number}</translation>
    </message>
    <message>
        <source>Pa&amp;yments: choose a bill</source>
        <translation>Пл&amp;атежи: выберите счёт</translation>
    </message>
    <message>
        <source>Services on bill {number}</source>
        <translation>Услуги по счёту {number}</translation>
    </message>
    <message>
        <source>{date} {time} · {service} · {amount} · {source}</source>
        <translation>{date} {time} · {service} · {amount} · {source}</translation>
    </message>
    <message>
        <source>Reservation {number} is checked in.</source>
        <translation>Бронирование {number} заселено.</translation>
    </message>
    <message>
        <source>Print bill</source>
        <translation>Печать счёта</translation>
    </message>
    <message>
        <source>Preparing bill {number}…</source>
        <translation>Подготовка счёта {number}…</translation>
    </message>
    <message>
        <source>Bill saved to {path}</source>
        <translation>Счёт сохранён в {path}</translation>
    </message>
    <message>
        <source>The bill is saved as:
{path}</source>
        <translation>Счёт сохранён в файл:
{path}</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>&amp;Открыть</translation>
    </message>
    <message>
        <source>Bill saved to {path}; no PDF viewer could open it.</source>
        <translation>Счёт сохранён в {path}; не удалось открыть его программой просмотра PDF.</translation>
    </message>
    <message>
        <source>Charge saved card…</source>
        <translation>Списать с сохранённой карты…</translation>
    </message>
    <message>
        <source>Pre-authorise with saved card…</source>
        <translation>Предавторизация по сохранённой карте…</translation>
    </message>
    <message>
        <source>C&amp;harge…</source>
        <translation>&amp;Списать…</translation>
    </message>
    <message>
        <source>Credit &amp;limit…</source>
        <translation>Кредитный &amp;лимит…</translation>
    </message>
    <message>
        <source>E-&amp;mail folio…</source>
        <translation>Отправить фолио по &amp;почте…</translation>
    </message>
    <message>
        <source>Credit limit {limit} exceeded by {amount}</source>
        <translation>Кредитный лимит {limit} превышен на {amount}</translation>
    </message>
    <message>
        <source>Issue &amp;invoice…</source>
        <translation>Выставить &amp;счёт…</translation>
    </message>
    <message>
        <source>Invoice several bills of the compan&amp;y…</source>
        <translation>Счёт-фактура на несколько счетов &amp;компании…</translation>
    </message>
    <message>
        <source>G&amp;uests</source>
        <translation>Г&amp;ости</translation>
    </message>
    <message>
        <source>A copy of receipt {number} was printed on register {register}.</source>
        <translation>Копия чека {number} напечатана на кассе {register}.</translation>
    </message>
    <message>
        <source>Printing a receipt copy</source>
        <translation>Печать копии чека</translation>
    </message>
    <message>
        <source>Issue invoice</source>
        <translation>Выставить счёт</translation>
    </message>
    <message>
        <source>Issue an invoice for bill {number} to {payer}? An issued invoice is never changed, only credited.</source>
        <translation>Выставить счёт по счёту {number} на {payer}? Выставленный счёт не изменяется, его можно только сторнировать кредит-нотой.</translation>
    </message>
    <message>
        <source>Invoice {number} issued</source>
        <translation>Выставлен счёт {number}</translation>
    </message>
    <message>
        <source>The invoice is saved as:
{path}</source>
        <translation>Счёт сохранён:
{path}</translation>
    </message>
    <message>
        <source>&amp;Guests</source>
        <translation>&amp;Гости</translation>
    </message>
    <message>
        <source>Guest · {name}…</source>
        <translation>Гость · {name}…</translation>
    </message>
</context>
<context>
    <name>RoomRackWindow</name>
    <message>
        <source>Room rack</source>
        <translation>Шахматка номеров</translation>
    </message>
    <message>
        <source>Mark &amp;clean</source>
        <translation>Отметить &amp;убранным</translation>
    </message>
    <message>
        <source>Mark &amp;dirty</source>
        <translation>Отметить &amp;грязным</translation>
    </message>
    <message>
        <source>&amp;Reload</source>
        <translation>&amp;Обновить</translation>
    </message>
    <message>
        <source>Green: in house · blue: expected · grey: checked out</source>
        <translation>Зелёный: проживают · синий: ожидаются · серый: выехали</translation>
    </message>
</context>
<context>
    <name>RoomsDialog</name>
    <message>
        <source>Rooms and room types</source>
        <translation>Номера и типы номеров</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>&amp;Добавить</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Код</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Название</translation>
    </message>
    <message>
        <source>Rate per night</source>
        <translation>Цена за ночь</translation>
    </message>
    <message>
        <source>Beds</source>
        <translation>Кроватей</translation>
    </message>
    <message>
        <source>Rooms</source>
        <translation>Номера</translation>
    </message>
    <message>
        <source>New room type</source>
        <translation>Новый тип номера</translation>
    </message>
    <message>
        <source>C&amp;ode:</source>
        <translation>&amp;Код:</translation>
    </message>
    <message>
        <source>&amp;Name (English):</source>
        <translation>&amp;Название (англ.):</translation>
    </message>
    <message>
        <source>Name in &amp;Russian:</source>
        <translation>Название по-&amp;русски:</translation>
    </message>
    <message>
        <source>Name in &amp;Bulgarian:</source>
        <translation>Название по-&amp;болгарски:</translation>
    </message>
    <message>
        <source>Rate per ni&amp;ght ({currency}):</source>
        <translation>&amp;Цена за ночь ({currency}):</translation>
    </message>
    <message>
        <source>B&amp;eds:</source>
        <translation>Кро&amp;ватей:</translation>
    </message>
    <message>
        <source>New room</source>
        <translation>Новый номер</translation>
    </message>
    <message>
        <source>Room n&amp;umber:</source>
        <translation>Н&amp;омер комнаты:</translation>
    </message>
    <message>
        <source>&amp;Type:</source>
        <translation>&amp;Тип:</translation>
    </message>
    <message>
        <source>&amp;Floor:</source>
        <translation>&amp;Этаж:</translation>
    </message>
    <message>
        <source>Fill in a new room type&apos;s code, or a new room&apos;s number.</source>
        <translation>Заполните код нового типа номера или номер новой комнаты.</translation>
    </message>
</context>
<context>
    <name>SavedCardDialog</name>
    <message>
        <source>Am&amp;ount:</source>
        <translation>С&amp;умма:</translation>
    </message>
    <message>
        <source>C&amp;harge the saved card directly</source>
        <translation>&amp;Списать с сохранённой карты напрямую</translation>
    </message>
    <message>
        <source>Charge saved card</source>
        <translation>Списание с сохранённой карты</translation>
    </message>
    <message>
        <source>Pre-authorise with saved card</source>
        <translation>Предавторизация по сохранённой карте</translation>
    </message>
    <message>
        <source>Capture pre-authorisation</source>
        <translation>Списание по предавторизации</translation>
    </message>
    <message>
        <source>Release pre-authorisation</source>
        <translation>Снятие предавторизации</translation>
    </message>
    <message>
        <source>Refund to the saved card</source>
        <translation>Возврат на сохранённую карту</translation>
    </message>
    <message>
        <source>C&amp;harge</source>
        <translation>&amp;Списать</translation>
    </message>
    <message>
        <source>&amp;Pre-authorise</source>
        <translation>&amp;Предавторизовать</translation>
    </message>
    <message>
        <source>Ca&amp;pture</source>
        <translation>Спи&amp;сать</translation>
    </message>
    <message>
        <source>Re&amp;lease</source>
        <translation>Сн&amp;ять блокировку</translation>
    </message>
    <message>
        <source>&amp;Refund</source>
        <translation>&amp;Вернуть</translation>
    </message>
    <message>
        <source>{brand} {number}, {holder} · {operator}</source>
        <translation>{brand} {number}, {holder} · {operator}</translation>
    </message>
    <message>
        <source>Pre-authorisation of {amount} · {operator}</source>
        <translation>Предавторизация на {amount} · {operator}</translation>
    </message>
    <message>
        <source>Payment {payment}, {brand} {number} · {operator}</source>
        <translation>Оплата {payment}, {brand} {number} · {operator}</translation>
    </message>
    <message>
        <source>Asking {operator}…</source>
        <translation>Запрос к {operator}…</translation>
    </message>
    <message>
        <source>Cancelling… if the request already left, its answer is waited for.</source>
        <translation>Отмена… если запрос уже отправлен, ждём ответа на него.</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>&amp;Закрыть</translation>
    </message>
    <message>
        <source>Approved (ref. {reference}).</source>
        <translation>Одобрено (номер {reference}).</translation>
    </message>
    <message>
        <source>The bank has already released this pre-authorisation: nothing can be captured on it. Charge the saved card directly for the amount instead?</source>
        <translation>Банк уже снял эту предавторизацию: списать по ней ничего нельзя. Списать эту сумму с сохранённой карты напрямую?</translation>
    </message>
    <message>
        <source>The bank wants the cardholder to confirm this payment, which cannot be done without them: take it on the card terminal with the guest present. Nothing was charged.</source>
        <translation>Банк требует, чтобы владелец карты подтвердил этот платёж, а без него это невозможно: проведите оплату на карточном терминале в присутствии гостя. Ничего не списано.</translation>
    </message>
    <message>
        <source>The card was declined ({code}). Nothing was charged.</source>
        <translation>Карта отклонена ({code}). Ничего не списано.</translation>
    </message>
    <message>
        <source>no reason given</source>
        <translation>причина не указана</translation>
    </message>
    <message>
        <source>Cancelled before the request was sent. Nothing was charged.</source>
        <translation>Отменено до отправки запроса. Ничего не списано.</translation>
    </message>
    <message>
        <source>{operator} refused the request: {error}. Nothing was charged.</source>
        <translation>{operator} отклонил запрос: {error}. Ничего не списано.</translation>
    </message>
    <message>
        <source>{operator} has the request and confirms it in a moment. Until then the operation is listed under Pending card operations and the bill takes no other card payment.</source>
        <translation>{operator} принял запрос и вскоре подтвердит его. До тех пор операция числится в «Незавершённых операциях по картам», и счёт не принимает других оплат картой.</translation>
    </message>
    <message>
        <source>{operator} did not answer. The operation is listed under Pending card operations, where {operator} is asked again by the desk&apos;s own key; the bill takes no other card payment until then.</source>
        <translation>{operator} не ответил. Операция указана в «Незавершённых операциях по картам», где {operator} запрашивается снова по собственному ключу кассы; до тех пор счёт не принимает другую оплату картой.</translation>
    </message>
    <message>
        <source>{operator} gives back only the whole payment until its day is settled, usually overnight: refund the whole now, or this part tomorrow. Nothing was refunded.</source>
        <translation>{operator} возвращает только весь платёж, пока его день не закрыт (обычно ночью): верните всю сумму сейчас или эту часть завтра. Ничего не возвращено.</translation>
    </message>
</context>
<context>
    <name>SavedCardsModel</name>
    <message>
        <source>Card</source>
        <translation>Карта</translation>
    </message>
    <message>
        <source>Brand</source>
        <translation type="vanished">Платёжная система</translation>
    </message>
    <message>
        <source>Expiry</source>
        <translation>Срок действия</translation>
    </message>
    <message>
        <source>Holder</source>
        <translation>Владелец</translation>
    </message>
    <message>
        <source>Days until deleted</source>
        <translation>Дней до удаления</translation>
    </message>
</context>
<context>
    <name>ServiceDetailsDialog</name>
    <message>
        <source>{outlet}, check {check}</source>
        <translation>{outlet}, чек {check}</translation>
    </message>
    <message>
        <source>Front desk</source>
        <translation>Стойка регистрации</translation>
    </message>
    <message>
        <source>Night audit</source>
        <translation>Ночной аудит</translation>
    </message>
    <message>
        <source>Point of sale</source>
        <translation>Точка продаж</translation>
    </message>
    <message>
        <source>Transfer from another folio</source>
        <translation>Перенос из другого фолио</translation>
    </message>
    <message>
        <source>Service details</source>
        <translation>Детали услуги</translation>
    </message>
    <message>
        <source>Ordered:</source>
        <translation>Заказано:</translation>
    </message>
    <message>
        <source>Outlet:</source>
        <translation>Точка продаж:</translation>
    </message>
    <message>
        <source>Check number:</source>
        <translation>Номер чека:</translation>
    </message>
    <message>
        <source>Source:</source>
        <translation>Источник:</translation>
    </message>
    <message>
        <source>Bill:</source>
        <translation>Счёт:</translation>
    </message>
    <message>
        <source>Tax:</source>
        <translation>Налог:</translation>
    </message>
    <message>
        <source>{percent}% · {amount} included</source>
        <translation>{percent}% · включено {amount}</translation>
    </message>
    <message>
        <source>Posted:</source>
        <translation>Проведено:</translation>
    </message>
    <message>
        <source>{when} by {user} at {workstation}</source>
        <translation>{when}, {user} на {workstation}</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>Позиция</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>Количество</translation>
    </message>
    <message>
        <source>Unit price</source>
        <translation>Цена за единицу</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Сумма</translation>
    </message>
    <message>
        <source>Composition:</source>
        <translation>Состав:</translation>
    </message>
    <message>
        <source>Total: {amount}</source>
        <translation>Итого: {amount}</translation>
    </message>
    <message>
        <source>Moved from bill {source} to bill {target} on {when} by {user}.</source>
        <translation>Перенесено со счёта {source} на счёт {target} {when}, {user}.</translation>
    </message>
    <message>
        <source>This line cancels another service</source>
        <translation>Эта строка отменяет другую услугу</translation>
    </message>
    <message>
        <source>Voided</source>
        <translation>Аннулировано</translation>
    </message>
    <message>
        <source>Cancelled at its source</source>
        <translation>Отменено в источнике</translation>
    </message>
    <message>
        <source>When:</source>
        <translation>Когда:</translation>
    </message>
    <message>
        <source>Who:</source>
        <translation>Кто:</translation>
    </message>
    <message>
        <source>{user} at {workstation}</source>
        <translation>{user} на {workstation}</translation>
    </message>
    <message>
        <source>Authorised by:</source>
        <translation>Разрешил:</translation>
    </message>
    <message>
        <source>Why:</source>
        <translation>Причина:</translation>
    </message>
</context>
<context>
    <name>SetUpWizard</name>
    <message>
        <source>Set up the hotel</source>
        <translation>Настройка отеля</translation>
    </message>
    <message>
        <source>The hotel</source>
        <translation>Отель</translation>
    </message>
    <message>
        <source>As it is printed on receipts and invoices.</source>
        <translation>Как он печатается в чеках и счетах.</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Название:</translation>
    </message>
    <message>
        <source>&amp;Address:</source>
        <translation>&amp;Адрес:</translation>
    </message>
    <message>
        <source>&amp;Tax ID:</source>
        <translation>&amp;ИНН:</translation>
    </message>
    <message>
        <source>&amp;VAT number:</source>
        <translation>&amp;Номер плательщика НДС:</translation>
    </message>
    <message>
        <source>Accountable &amp;person:</source>
        <translation>&amp;Ответственное лицо:</translation>
    </message>
    <message>
        <source>C&amp;ity:</source>
        <translation>&amp;Город:</translation>
    </message>
    <message>
        <source>&amp;Country:</source>
        <translation>&amp;Страна:</translation>
    </message>
    <message>
        <source>Fiscal documents in:</source>
        <translation>Язык фискальных документов:</translation>
    </message>
    <message>
        <source>&amp;Time zone:</source>
        <translation>&amp;Часовой пояс:</translation>
    </message>
    <message>
        <source>English</source>
        <translation>английский</translation>
    </message>
    <message>
        <source>Russian</source>
        <translation>русский</translation>
    </message>
    <message>
        <source>Bulgarian</source>
        <translation>болгарский</translation>
    </message>
    <message>
        <source>Money and VAT</source>
        <translation>Деньги и НДС</translation>
    </message>
    <message>
        <source>The currency the books are kept in, the others the desk accepts, and the VAT rates.</source>
        <translation>Валюта учёта, другие принимаемые валюты и ставки НДС.</translation>
    </message>
    <message>
        <source>&amp;Base currency:</source>
        <translation>&amp;Базовая валюта:</translation>
    </message>
    <message>
        <source>Other currencies (one unit in the base currency):</source>
        <translation>Другие валюты (одна единица в базовой валюте):</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>Валюта</translation>
    </message>
    <message>
        <source>Rate</source>
        <translation>Курс</translation>
    </message>
    <message>
        <source>VAT rates:</source>
        <translation>Ставки НДС:</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Код</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Название</translation>
    </message>
    <message>
        <source>Percent</source>
        <translation>Процент</translation>
    </message>
    <message>
        <source>VAT 20%</source>
        <translation>НДС 20%</translation>
    </message>
    <message>
        <source>VAT 9%</source>
        <translation>НДС 9%</translation>
    </message>
    <message>
        <source>No VAT</source>
        <translation>Без НДС</translation>
    </message>
    <message>
        <source>The first manager</source>
        <translation>Первый менеджер</translation>
    </message>
    <message>
        <source>Who signs in first and adds the colleagues.</source>
        <translation>Тот, кто входит первым и добавляет коллег.</translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation>&amp;Имя пользователя:</translation>
    </message>
    <message>
        <source>&amp;Full name:</source>
        <translation>&amp;Полное имя:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Пароль:</translation>
    </message>
    <message>
        <source>&amp;Repeat:</source>
        <translation>&amp;Повтор:</translation>
    </message>
    <message>
        <source>At least {length} characters, not the user name. You choose another at the first sign-in.</source>
        <translation>Не короче {length} символов, не имя пользователя. При первом входе вы выберете другой.</translation>
    </message>
    <message>
        <source>The two passwords differ.</source>
        <translation>Пароли не совпадают.</translation>
    </message>
</context>
<context>
    <name>SettleByHandDialog</name>
    <message>
        <source>Settle by hand</source>
        <translation>Закрыть вручную</translation>
    </message>
    <message>
        <source>&amp;Settle</source>
        <translation>&amp;Закрыть</translation>
    </message>
    <message>
        <source>The terminal cannot say how this ended. Settle it only from evidence: the receipt the terminal printed, or the bank&apos;s statement. Asked for: {amount}.</source>
        <translation>Терминал не может сказать, чем это закончилось. Закрывайте только по подтверждению: чеку терминала или выписке банка. Запрошено: {amount}.</translation>
    </message>
    <message>
        <source>It went through: the terminal printed a receipt</source>
        <translation>Прошла: терминал напечатал чек</translation>
    </message>
    <message>
        <source>It did not go through: no money moved</source>
        <translation>Не прошла: деньги не списаны</translation>
    </message>
    <message>
        <source>&amp;Receipt number:</source>
        <translation>&amp;Номер чека:</translation>
    </message>
    <message>
        <source>&amp;Amount on the receipt:</source>
        <translation>&amp;Сумма в чеке:</translation>
    </message>
    <message>
        <source>What you checked</source>
        <translation>Что вы проверили</translation>
    </message>
    <message>
        <source>&amp;Evidence:</source>
        <translation>&amp;Подтверждение:</translation>
    </message>
    <message>
        <source>Say whether it went through.</source>
        <translation>Укажите, прошла ли операция.</translation>
    </message>
    <message>
        <source>Type the receipt number the terminal printed.</source>
        <translation>Введите номер чека, напечатанного терминалом.</translation>
    </message>
    <message>
        <source>Say what shows how it ended.</source>
        <translation>Укажите, что подтверждает исход.</translation>
    </message>
    <message>
        <source>The card operator {operator} cannot say how this ended. Settle it only from what its back office shows for this operation. Asked for: {amount}.</source>
        <translation>Оператор карт {operator} не может сказать, чем это закончилось. Закрывайте операцию только по тому, что показывает его личный кабинет для этой операции. Запрошено: {amount}.</translation>
    </message>
    <message>
        <source>It went through: the operator&apos;s back office shows it done</source>
        <translation>Прошла: в кабинете оператора она выполнена</translation>
    </message>
    <message>
        <source>Operator&apos;s &amp;reference:</source>
        <translation>&amp;Номер у оператора:</translation>
    </message>
    <message>
        <source>&amp;Amount the operator shows:</source>
        <translation>&amp;Сумма у оператора:</translation>
    </message>
    <message>
        <source>Type the operator&apos;s reference for this operation.</source>
        <translation>Введите номер этой операции у оператора.</translation>
    </message>
</context>
<context>
    <name>SettleRegisterDocumentDialog</name>
    <message>
        <source>Settle a register document by hand</source>
        <translation>Закрыть документ кассы вручную</translation>
    </message>
    <message>
        <source>&amp;Settle</source>
        <translation>&amp;Закрыть</translation>
    </message>
    <message>
        <source>Register {register} could not say whether it issued this {document} of {amount} (our key {key}). Settle it only from the register&apos;s own report: its last documents in the fiscal storage or the printer&apos;s electronic journal.</source>
        <translation>Касса «{register}» не смогла сказать, выдала ли она этот документ ({document}) на {amount} (наш ключ {key}). Закрывайте его только по собственному отчёту кассы: последним документам в фискальном накопителе или электронному журналу принтера.</translation>
    </message>
    <message>
        <source>The register issued it: its report shows the document</source>
        <translation>Касса выдала его: документ есть в её отчёте</translation>
    </message>
    <message>
        <source>The register did not issue it: the receipt may be printed again</source>
        <translation>Касса его не выдала: чек можно напечатать снова</translation>
    </message>
    <message>
        <source>&amp;Receipt number:</source>
        <translation>&amp;Номер чека:</translation>
    </message>
    <message>
        <source>ends in {sequence}</source>
        <translation>оканчивается на {sequence}</translation>
    </message>
    <message>
        <source>&amp;Unique sale number (УНП):</source>
        <translation>&amp;Уникальный номер продажи (УНП):</translation>
    </message>
    <message>
        <source>Fiscal &amp;document number (ФД):</source>
        <translation>Номер фискального &amp;документа (ФД):</translation>
    </message>
    <message>
        <source>Fiscal &amp;sign (ФП):</source>
        <translation>Фискальный &amp;признак (ФП):</translation>
    </message>
    <message>
        <source>like 07.12.2026 14:05</source>
        <translation>например 07.12.2026 14:05</translation>
    </message>
    <message>
        <source>Date and &amp;time:</source>
        <translation>Дата и &amp;время:</translation>
    </message>
    <message>
        <source>What the register&apos;s report shows</source>
        <translation>Что показывает отчёт кассы</translation>
    </message>
    <message>
        <source>&amp;Evidence:</source>
        <translation>&amp;Подтверждение:</translation>
    </message>
    <message>
        <source>Say whether the register issued it.</source>
        <translation>Укажите, выдала ли его касса.</translation>
    </message>
    <message>
        <source>Type the document number the register&apos;s report shows.</source>
        <translation>Введите номер документа из отчёта кассы.</translation>
    </message>
    <message>
        <source>Type it as the register&apos;s report shows it.</source>
        <translation>Введите его так, как он указан в отчёте кассы.</translation>
    </message>
    <message>
        <source>Say what the register&apos;s report shows.</source>
        <translation>Укажите, что показывает отчёт кассы.</translation>
    </message>
</context>
<context>
    <name>ShiftDialogs</name>
    <message>
        <source>{document} is issued but did not print whole: {error}. It waits in Shift → Check receipts to be printed again.</source>
        <translation>{document} — оформлено, но напечатано не полностью: {error}. Документ ждёт повторной печати в «Смена → Проверить чеки».</translation>
    </message>
    <message>
        <source>The register did not print: {problems}</source>
        <translation>Касса не напечатала документ: {problems}</translation>
    </message>
    <message>
        <source>Printing on the register</source>
        <translation>Печать на кассе</translation>
    </message>
</context>
<context>
    <name>ShiftReportDialog</name>
    <message>
        <source>Z report</source>
        <translation>Z-отчёт</translation>
    </message>
    <message>
        <source>X report</source>
        <translation>X-отчёт</translation>
    </message>
    <message>
        <source>{report} · shift {number} · {workstation}</source>
        <translation>{report} · смена {number} · {workstation}</translation>
    </message>
    <message>
        <source>Opened {when} by {name}</source>
        <translation>Открыта {when}, {name}</translation>
    </message>
    <message>
        <source>Closed {when} by {name}</source>
        <translation>Закрыта {when}, {name}</translation>
    </message>
    <message>
        <source>Float</source>
        <translation>Размен</translation>
    </message>
    <message>
        <source>Cash received</source>
        <translation>Получено наличными</translation>
    </message>
    <message>
        <source>Cash given back</source>
        <translation>Выдано наличными</translation>
    </message>
    <message>
        <source>Cash in</source>
        <translation>Внесение</translation>
    </message>
    <message>
        <source>Cash out</source>
        <translation>Изъятие</translation>
    </message>
    <message>
        <source>Expected in drawer</source>
        <translation>Должно быть в кассе</translation>
    </message>
    <message>
        <source>Counted</source>
        <translation>Насчитано</translation>
    </message>
    <message>
        <source>Over / short</source>
        <translation>Излишек / недостача</translation>
    </message>
    <message>
        <source>Payments by method</source>
        <translation>Оплаты по видам</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>Способ</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>Валюта</translation>
    </message>
    <message>
        <source>Payments</source>
        <translation>Оплат</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Получено</translation>
    </message>
    <message>
        <source>Refunds</source>
        <translation>Возвратов</translation>
    </message>
    <message>
        <source>Given back</source>
        <translation>Возвращено</translation>
    </message>
    <message>
        <source>Saved as {path}</source>
        <translation>Сохранено: {path}</translation>
    </message>
    <message>
        <source>Open &amp;PDF</source>
        <translation>Открыть &amp;PDF</translation>
    </message>
    <message>
        <source>{currency}: short by {amount}</source>
        <translation>{currency}: недостача {amount}</translation>
    </message>
    <message>
        <source>{currency}: over by {amount}</source>
        <translation>{currency}: излишек {amount}</translation>
    </message>
    <message>
        <source>{currency}: exact</source>
        <translation>{currency}: без расхождений</translation>
    </message>
</context>
<context>
    <name>SignIn</name>
    <message>
        <source>Clerk</source>
        <translation>Администратор</translation>
    </message>
    <message>
        <source>Cashier</source>
        <translation>Кассир</translation>
    </message>
    <message>
        <source>Manager</source>
        <translation>Менеджер</translation>
    </message>
    <message>
        <source>POS service</source>
        <translation>Служба POS</translation>
    </message>
    <message>
        <source>{role}: {name}</source>
        <translation>{role}: {name}</translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <source>Sign in</source>
        <translation>Вход</translation>
    </message>
    <message>
        <source>Switch user</source>
        <translation>Смена пользователя</translation>
    </message>
    <message>
        <source>Desk locked</source>
        <translation>Рабочее место заблокировано</translation>
    </message>
    <message>
        <source>{reason}. Whoever works at this desk now signs in.</source>
        <translation>{reason}. Войдите под своим именем, чтобы продолжить.</translation>
    </message>
    <message>
        <source>{name} locked this desk. {name} or a manager can unlock it.</source>
        <translation>{name} заблокировал(а) это рабочее место. Разблокировать может {name} или менеджер.</translation>
    </message>
    <message>
        <source>Type your password, or your PIN to switch quickly.</source>
        <translation>Введите пароль или PIN-код для быстрой смены.</translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation>&amp;Имя пользователя:</translation>
    </message>
    <message>
        <source>&amp;Password or PIN:</source>
        <translation>&amp;Пароль или PIN-код:</translation>
    </message>
    <message>
        <source>&amp;Sign in</source>
        <translation>&amp;Войти</translation>
    </message>
    <message>
        <source>Type your user name and your password or PIN.</source>
        <translation>Введите имя пользователя и пароль или PIN-код.</translation>
    </message>
    <message>
        <source>Only {name} or a manager can unlock this desk.</source>
        <translation>Разблокировать это рабочее место может только {name} или менеджер.</translation>
    </message>
    <message>
        <source>Too many failed attempts: {user} cannot sign in until {time}.</source>
        <translation>Слишком много неудачных попыток: {user} не сможет войти до {time}.</translation>
    </message>
    <message>
        <source>A manager signs in with the password, not a PIN.</source>
        <translation>Менеджер входит по паролю, а не по PIN-коду.</translation>
    </message>
    <message>
        <source>Wrong user name, password or PIN.</source>
        <translation>Неверное имя пользователя, пароль или PIN-код.</translation>
    </message>
    <message>
        <source>Signing in failed: {error}</source>
        <translation>Вход не удался: {error}</translation>
    </message>
    <message>
        <source>&amp;New password:</source>
        <translation>&amp;Новый пароль:</translation>
    </message>
    <message>
        <source>&amp;Repeat:</source>
        <translation>&amp;Повтор:</translation>
    </message>
    <message>
        <source>New PIN (optional):</source>
        <translation>Новый PIN (необязательно):</translation>
    </message>
    <message>
        <source>Your password was set by someone else. Choose your own: at least {length} characters, not your user name.</source>
        <translation>Ваш пароль задал кто-то другой. Выберите свой: не короче {length} символов, не имя пользователя.</translation>
    </message>
    <message>
        <source>&amp;Save and sign in</source>
        <translation>&amp;Сохранить и войти</translation>
    </message>
    <message>
        <source>The two passwords differ.</source>
        <translation>Пароли не совпадают.</translation>
    </message>
</context>
<context>
    <name>SplitBillDialog</name>
    <message>
        <source>Split bill</source>
        <translation>Разделить счёт</translation>
    </message>
    <message>
        <source>&amp;Split</source>
        <translation>&amp;Разделить</translation>
    </message>
    <message>
        <source>Tick the ser&amp;vices that go on the new bill:</source>
        <translation>Отметьте ус&amp;луги, которые переходят на новый счёт:</translation>
    </message>
    <message>
        <source>&amp;Guest:</source>
        <translation>&amp;Гость:</translation>
    </message>
    <message>
        <source>&amp;Company:</source>
        <translation>&amp;Компания:</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Имя:</translation>
    </message>
    <message>
        <source>New payer:</source>
        <translation>Новый плательщик:</translation>
    </message>
    <message>
        <source>This bill has no services to split off.</source>
        <translation>В этом счёте нет услуг для выделения.</translation>
    </message>
    <message>
        <source>{count} selected · {amount}</source>
        <translation>Выбрано: {count} · {amount}</translation>
    </message>
    <message>
        <source>Tick the services that go on the new bill.</source>
        <translation>Отметьте услуги, которые переходят на новый счёт.</translation>
    </message>
    <message>
        <source>Choose the guest who pays.</source>
        <translation>Выберите гостя, который платит.</translation>
    </message>
    <message>
        <source>Choose the company that pays.</source>
        <translation>Выберите компанию, которая платит.</translation>
    </message>
    <message>
        <source>Type the payer&apos;s name.</source>
        <translation>Введите имя плательщика.</translation>
    </message>
</context>
<context>
    <name>Startup</name>
    <message>
        <source>Opening the database…</source>
        <translation>Открытие базы данных…</translation>
    </message>
    <message>
        <source>Setting up the demo hotel…</source>
        <translation>Подготовка демонстрационного отеля…</translation>
    </message>
    <message>
        <source>There is no user “{user}” in this hotel. Start with --user and a user the hotel has set up.</source>
        <translation>В этом отеле нет пользователя «{user}». Запустите с --user и пользователем, заведённым в отеле.</translation>
    </message>
    <message>
        <source>Closing: the work still running is finished first…</source>
        <translation>Закрытие: сначала завершается работа, которая ещё идёт…</translation>
    </message>
    <message>
        <source>&amp;Quit now</source>
        <translation>&amp;Выйти сейчас</translation>
    </message>
    <message>
        <source>Front desk</source>
        <translation>Стойка регистрации</translation>
    </message>
    <message>
        <source>The database {url} could not be opened:
{error}</source>
        <translation>Не удалось открыть базу данных {url}:
{error}</translation>
    </message>
</context>
<context>
    <name>StorageWatch</name>
    <message>
        <source>FS: not read, the register did not answer</source>
        <translation>ФН: не прочитан, касса не ответила</translation>
    </message>
    <message>
        <source>The register did not answer on {day} at {time}</source>
        <translation>Касса не ответила {day} в {time}</translation>
    </message>
    <message>
        <source>Read from register {register} on {day} at {time}</source>
        <translation>Прочитано с кассы {register} {day} в {time}</translation>
    </message>
    <message>
        <source>as of {day} {time}</source>
        <translation>на {day} {time}</translation>
    </message>
    <message>
        <source>as of {time}</source>
        <translation type="vanished">на {time}</translation>
    </message>
    <message>
        <source>The register did not answer at {time}</source>
        <translation>Касса не ответила в {time}</translation>
    </message>
</context>
<context>
    <name>TerminalDialog</name>
    <message>
        <source>Add card terminal</source>
        <translation>Добавить карточный терминал</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Имя:</translation>
    </message>
    <message>
        <source>&amp;Address:</source>
        <translation>&amp;Адрес:</translation>
    </message>
    <message>
        <source>&amp;Currency:</source>
        <translation>&amp;Валюта:</translation>
    </message>
    <message>
        <source>Cashier &amp;password:</source>
        <translation>&amp;Пароль кассира:</translation>
    </message>
</context>
<context>
    <name>TerminalReferenceDialog</name>
    <message>
        <source>Save a card from the terminal&apos;s receipt</source>
        <translation>Сохранить карту по чеку терминала</translation>
    </message>
    <message>
        <source>&amp;Save card</source>
        <translation>&amp;Сохранить карту</translation>
    </message>
    <message>
        <source>Looking for the hotel&apos;s Saferpay account…</source>
        <translation>Поиск учётной записи Saferpay гостиницы…</translation>
    </message>
    <message>
        <source>No Saferpay account is set up: a manager adds it in Settings, Card operators.</source>
        <translation>Учётная запись Saferpay не настроена: менеджер добавляет её в Настройки, Операторы карт.</translation>
    </message>
    <message>
        <source>Save a card from the terminal&apos;s receipt · {operator}</source>
        <translation>Сохранить карту по чеку терминала · {operator}</translation>
    </message>
    <message>
        <source>Pre-authorise 0.01 on the terminal with the guest&apos;s card, then type the transaction reference its receipt shows. {operator} saves that card for later; release the 0.01 afterwards.</source>
        <translation>Выполните на терминале предавторизацию на 0.01 картой гостя, затем введите номер транзакции с её чека. {operator} сохранит эту карту для последующих списаний; после этого снимите блокировку 0.01.</translation>
    </message>
    <message>
        <source>Asking {operator}… Cancel stops waiting: what it did is then asked under Pending card operations.</source>
        <translation>Запрос к {operator}… «Отмена» прекращает ожидание: что было сделано, выяснится в «Незавершённых операциях по картам».</translation>
    </message>
    <message>
        <source>Stopped waiting for {operator}. The card is listed under Pending card operations, where {operator} is asked whether it saved it.</source>
        <translation>Ожидание ответа {operator} прекращено. Карта указана в «Незавершённых операциях по картам», где {operator} будет спрошен, сохранил ли её.</translation>
    </message>
    <message>
        <source>Asking {operator}…</source>
        <translation type="vanished">Запрос к {operator}…</translation>
    </message>
    <message>
        <source>{operator} did not answer. The card is listed under Pending card operations, where {operator} is asked again whether it saved it.</source>
        <translation>{operator} не ответил. Карта указана в «Незавершённых операциях по картам», где {operator} будет снова спрошен, сохранил ли её.</translation>
    </message>
    <message>
        <source>{operator} knows no terminal transaction with this reference: check it on the receipt and type it again. Nothing was saved.</source>
        <translation>{operator} не знает транзакции терминала с таким номером: сверьте его с чеком и введите снова. Ничего не сохранено.</translation>
    </message>
    <message>
        <source>{operator} refused it: {error}. Nothing was saved.</source>
        <translation>{operator} отказал: {error}. Ничего не сохранено.</translation>
    </message>
</context>
<context>
    <name>VoidDialog</name>
    <message>
        <source>Void</source>
        <translation>Аннулирование</translation>
    </message>
    <message>
        <source>&amp;Void</source>
        <translation>&amp;Аннулировать</translation>
    </message>
    <message>
        <source>Nothing is deleted: the line stays on the card, struck out, with who asked, who authorised, when and why.</source>
        <translation>Ничего не удаляется: строка остаётся в карточке, зачёркнутой, с указанием, кто попросил, кто разрешил, когда и почему.</translation>
    </message>
    <message>
        <source>Required</source>
        <translation>Обязательно</translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation>&amp;Причина:</translation>
    </message>
    <message>
        <source>Void a service</source>
        <translation>Аннулировать услугу</translation>
    </message>
    <message>
        <source>Service:</source>
        <translation>Услуга:</translation>
    </message>
    <message>
        <source>Ordered:</source>
        <translation>Заказано:</translation>
    </message>
    <message>
        <source>Amount:</source>
        <translation>Сумма:</translation>
    </message>
    <message>
        <source>{quantity} × {price} = {amount}</source>
        <translation>{quantity} × {price} = {amount}</translation>
    </message>
    <message>
        <source>Bill:</source>
        <translation>Счёт:</translation>
    </message>
    <message>
        <source>Source:</source>
        <translation>Источник:</translation>
    </message>
    <message>
        <source>This line is itself a cancellation and cannot be voided.</source>
        <translation>Эта строка сама является отменой и не может быть аннулирована.</translation>
    </message>
    <message>
        <source>This service is already cancelled.</source>
        <translation>Эта услуга уже отменена.</translation>
    </message>
    <message>
        <source>Void a payment</source>
        <translation>Аннулировать платёж</translation>
    </message>
    <message>
        <source>Method:</source>
        <translation>Способ оплаты:</translation>
    </message>
    <message>
        <source>Date, payer:</source>
        <translation>Дата, плательщик:</translation>
    </message>
    <message>
        <source>Deposit</source>
        <translation>Депозит</translation>
    </message>
    <message>
        <source>Text:</source>
        <translation>Текст:</translation>
    </message>
    <message>
        <source>Reverse a transfer to a company account</source>
        <translation>Отмена переноса на счёт компании</translation>
    </message>
    <message>
        <source>The charge on the account of {company} is reversed with it: the bill owes {amount} again, and the company no longer does.</source>
        <translation>Начисление на счёте {company} сторнируется вместе с ним: по счёту снова долг {amount}, а компания больше ничего не должна.</translation>
    </message>
    <message>
        <source>Money taken on the card terminal is given back on the terminal: use Refund to the card. Void it here only when the money was already given back outside the desk; say how in the reason (the terminal&apos;s receipt number, the bank&apos;s reference).</source>
        <translation>Деньги, принятые на карточном терминале, возвращаются на терминале: используйте «Возврат на карту». Аннулируйте здесь, только если деньги уже возвращены вне кассы; укажите в причине, как (номер чека терминала, ссылка банка).</translation>
    </message>
    <message>
        <source>The money was given back &amp;outside the desk</source>
        <translation>Деньги возвращены &amp;вне кассы</translation>
    </message>
    <message>
        <source>Give it back with Refund to the card, or tick that the money was given back outside the desk.</source>
        <translation>Верните деньги через «Возврат на карту» или отметьте, что они возвращены вне кассы.</translation>
    </message>
    <message>
        <source>Only a payment, a deposit or a refund can be voided.</source>
        <translation type="vanished">Аннулировать можно только платёж, депозит или возврат.</translation>
    </message>
    <message>
        <source>This payment is already voided.</source>
        <translation type="vanished">Этот платёж уже аннулирован.</translation>
    </message>
    <message>
        <source>This payment has refunds: void them first.</source>
        <translation type="vanished">По этому платежу есть возвраты: сначала аннулируйте их.</translation>
    </message>
    <message>
        <source>Say why it is voided.</source>
        <translation>Укажите причину аннулирования.</translation>
    </message>
    <message>
        <source>Money charged through the card operator {operator} is given back through it: use Refund to the card, which asks the operator first and books the refund once it has done it. Void it here only when the money was already given back outside the desk; say how in the reason (the operator&apos;s reference).</source>
        <translation>Деньги, списанные через оператора карт {operator}, возвращаются через него: используйте «Возврат на карту» — сначала запрос к оператору, возврат проводится после его подтверждения. Аннулируйте здесь, только если деньги уже возвращены вне программы; укажите в причине, как (ссылку оператора).</translation>
    </message>
</context>
</TS>

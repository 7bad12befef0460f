<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="bg" sourcelanguage="en">
<context>
    <name>AddServiceDialog</name>
    <message>
        <source>Add service</source>
        <translation>Добавяне на услуга</translation>
    </message>
    <message>
        <source>&amp;Apply</source>
        <translation>&amp;Прилагане</translation>
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
        <translation>Данък:</translation>
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
        <translation>Сума:</translation>
    </message>
    <message>
        <source>Total:</source>
        <translation>Общо:</translation>
    </message>
    <message>
        <source>Add a&amp;nother line</source>
        <translation>Добави &amp;още ред</translation>
    </message>
    <message>
        <source>&amp;Remove line</source>
        <translation>Премахни &amp;ред</translation>
    </message>
    <message>
        <source>&amp;Other lines:</source>
        <translation>&amp;Други редове:</translation>
    </message>
    <message>
        <source>&amp;Bill:</source>
        <translation>С&amp;метка:</translation>
    </message>
    <message>
        <source>The service catalogue is empty.</source>
        <translation>Каталогът с услуги е празен.</translation>
    </message>
    <message>
        <source>{tax}, included in the price</source>
        <translation>{tax}, включен в цената</translation>
    </message>
    <message>
        <source>Choose a service.</source>
        <translation>Изберете услуга.</translation>
    </message>
    <message>
        <source>{service} × {quantity} · {amount}</source>
        <translation>{service} × {quantity} · {amount}</translation>
    </message>
    <message>
        <source>Choose the bill.</source>
        <translation>Изберете сметката.</translation>
    </message>
</context>
<context>
    <name>AmendReservationDialog</name>
    <message>
        <source>Change reservation {number}</source>
        <translation>Промяна на резервация {number}</translation>
    </message>
    <message>
        <source>&amp;Apply</source>
        <translation>При&amp;лагане</translation>
    </message>
    <message>
        <source>&amp;Arrival:</source>
        <translation>&amp;Пристигане:</translation>
    </message>
    <message>
        <source>De&amp;parture:</source>
        <translation>З&amp;аминаване:</translation>
    </message>
    <message>
        <source>Rate per ni&amp;ght ({currency}):</source>
        <translation>Цена за &amp;нощувка ({currency}):</translation>
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
        <translation>Неуспешен вход</translation>
    </message>
    <message>
        <source>Desk locked</source>
        <translation>Работното място е заключено</translation>
    </message>
    <message>
        <source>Switch of user</source>
        <translation>Смяна на потребител</translation>
    </message>
    <message>
        <source>Manager&apos;s approval</source>
        <translation>Разрешение на мениджър</translation>
    </message>
    <message>
        <source>Payment</source>
        <translation>Плащане</translation>
    </message>
    <message>
        <source>Refund</source>
        <translation>Връщане</translation>
    </message>
    <message>
        <source>Void</source>
        <translation>Анулиране</translation>
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
        <translation>Нощен одит</translation>
    </message>
    <message>
        <source>Settled by hand</source>
        <translation>Приключено ръчно</translation>
    </message>
    <message>
        <source>wrong password or PIN</source>
        <translation>грешна парола или PIN</translation>
    </message>
    <message>
        <source>unknown or inactive user</source>
        <translation>непознат или деактивиран потребител</translation>
    </message>
    <message>
        <source>locked out after too many attempts</source>
        <translation>заключен след твърде много опити</translation>
    </message>
    <message>
        <source>Manager&apos;s approval refused: {why}</source>
        <translation>Разрешението на мениджър е отказано: {why}</translation>
    </message>
    <message>
        <source>Sign-in refused: {why}</source>
        <translation>Входът е отказан: {why}</translation>
    </message>
    <message>
        <source>Payment {amount} ({method})</source>
        <translation>Плащане {amount} ({method})</translation>
    </message>
    <message>
        <source>Refund {amount} ({method}) of payment {payment}</source>
        <translation>Връщане {amount} ({method}) по плащане {payment}</translation>
    </message>
    <message>
        <source>Void of charge {posting}: {amount}</source>
        <translation>Анулиране на начисление {posting}: {amount}</translation>
    </message>
    <message>
        <source>Void {amount} ({method}) of payment {payment}</source>
        <translation>Анулиране {amount} ({method}) на плащане {payment}</translation>
    </message>
    <message>
        <source>{user} signed in</source>
        <translation>{user} влезе в системата</translation>
    </message>
    <message>
        <source>{user} locked the desk</source>
        <translation>{user} заключи работното място</translation>
    </message>
    <message>
        <source>{before} handed the desk to {after}</source>
        <translation>{before} предаде работното място на {after}</translation>
    </message>
    <message>
        <source>{manager} allowed {user} to {actions}</source>
        <translation>{manager} разреши на {user}: {actions}</translation>
    </message>
    <message>
        <source>Card of {holder} not saved ({key}): its answer was lost and {operator} may have kept the card; look it up in {operator}&apos;s Card Manager and delete it there</source>
        <translation>Картата на {holder} не е запазена ({key}): отговорът е изгубен и {operator} може да я е запазил; намерете я в Card Manager на {operator} и я изтрийте там</translation>
    </message>
    <message>
        <source>Register document {key} settled by hand as issued, number {number}: {reason}</source>
        <translation>Документ на касата {key} приключен ръчно като издаден, номер {number}: {reason}</translation>
    </message>
    <message>
        <source>Register document {key} settled by hand as not issued: {reason}</source>
        <translation>Документ на касата {key} приключен ръчно като неиздаден: {reason}</translation>
    </message>
    <message>
        <source>Night audit of {date}</source>
        <translation>Нощен одит за {date}</translation>
    </message>
    <message>
        <source>{operation} {key} settled by hand as not done, authorised by {manager}: {reason}</source>
        <translation>{operation} {key} уредена ръчно като неизвършена, разрешено от {manager}: {reason}</translation>
    </message>
    <message>
        <source>terminal receipt {number}</source>
        <translation>бележка на терминала {number}</translation>
    </message>
    <message>
        <source>operator&apos;s reference {reference}</source>
        <translation>референция при оператора {reference}</translation>
    </message>
    <message>
        <source>{operation} {key} settled by hand as done ({shown}), authorised by {manager}: {reason}</source>
        <translation>{operation} {key} уредена ръчно като извършена ({shown}), разрешено от {manager}: {reason}</translation>
    </message>
    <message>
        <source>{operation} {key} settled by hand as done, authorised by {manager}: {reason}</source>
        <translation>{operation} {key} уредена ръчно като извършена, разрешено от {manager}: {reason}</translation>
    </message>
    <message>
        <source>payment {number}</source>
        <translation>плащане {number}</translation>
    </message>
    <message>
        <source>charge {number}</source>
        <translation>начисление {number}</translation>
    </message>
    <message>
        <source>POS key {name}</source>
        <translation>ключ на POS {name}</translation>
    </message>
    <message>
        <source>business day {date}</source>
        <translation>работен ден {date}</translation>
    </message>
    <message>
        <source>user {name}</source>
        <translation>потребител {name}</translation>
    </message>
    <message>
        <source>register {code}</source>
        <translation>каса {code}</translation>
    </message>
    <message>
        <source>{subject}, reservation {number}</source>
        <translation>{subject}, резервация {number}</translation>
    </message>
    <message>
        <source>Document e-mailed</source>
        <translation>Документ изпратен по имейл</translation>
    </message>
    <message>
        <source>Card maybe kept at operator</source>
        <translation>Карта, вероятно останала при оператора</translation>
    </message>
    <message>
        <source>Folio</source>
        <translation>Фолио</translation>
    </message>
    <message>
        <source>Bill</source>
        <translation>Сметка</translation>
    </message>
    <message>
        <source>{document} {number} e-mailed to {address} ({language})</source>
        <translation>{document} {number} изпратен на {address} ({language})</translation>
    </message>
    <message>
        <source>Hotel</source>
        <translation>Хотел</translation>
    </message>
    <message>
        <source>Currency rate</source>
        <translation>Курс на валута</translation>
    </message>
    <message>
        <source>Exchange rate</source>
        <translation>Обменен курс</translation>
    </message>
    <message>
        <source>VAT rate</source>
        <translation>Ставка на ДДС</translation>
    </message>
    <message>
        <source>Payment method</source>
        <translation>Начин на плащане</translation>
    </message>
    <message>
        <source>Outlet</source>
        <translation>Търговски обект</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Услуга</translation>
    </message>
    <message>
        <source>Room type</source>
        <translation>Тип стая</translation>
    </message>
    <message>
        <source>E-mail settings</source>
        <translation>Настройки на имейла</translation>
    </message>
    <message>
        <source>POS setting</source>
        <translation>Настройка на POS</translation>
    </message>
    <message>
        <source>POS payment code</source>
        <translation>Код на плащане в POS</translation>
    </message>
    <message>
        <source>Printer</source>
        <translation>Принтер</translation>
    </message>
    <message>
        <source>Card terminal</source>
        <translation>Картов терминал</translation>
    </message>
    <message>
        <source>Card operator</source>
        <translation>Картов оператор</translation>
    </message>
    <message>
        <source>Cash register</source>
        <translation>Каса</translation>
    </message>
    <message>
        <source>name</source>
        <translation>име</translation>
    </message>
    <message>
        <source>base currency</source>
        <translation>основна валута</translation>
    </message>
    <message>
        <source>address</source>
        <translation>адрес</translation>
    </message>
    <message>
        <source>tax number</source>
        <translation>данъчен номер</translation>
    </message>
    <message>
        <source>country</source>
        <translation>държава</translation>
    </message>
    <message>
        <source>time zone</source>
        <translation>часова зона</translation>
    </message>
    <message>
        <source>currency</source>
        <translation>валута</translation>
    </message>
    <message>
        <source>rate</source>
        <translation>курс</translation>
    </message>
    <message>
        <source>valid from</source>
        <translation>валиден от</translation>
    </message>
    <message>
        <source>source</source>
        <translation>източник</translation>
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
        <translation>отваря касовото чекмедже</translation>
    </message>
    <message>
        <source>fiscal</source>
        <translation>фискален</translation>
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
        <translation>търговски обект</translation>
    </message>
    <message>
        <source>rate per night</source>
        <translation>цена за нощувка</translation>
    </message>
    <message>
        <source>beds</source>
        <translation>легла</translation>
    </message>
    <message>
        <source>server</source>
        <translation>сървър</translation>
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
        <translation>потребител</translation>
    </message>
    <message>
        <source>sender</source>
        <translation>подател</translation>
    </message>
    <message>
        <source>password</source>
        <translation>парола</translation>
    </message>
    <message>
        <source>key</source>
        <translation>ключ</translation>
    </message>
    <message>
        <source>CA certificate</source>
        <translation>сертификат на УО</translation>
    </message>
    <message>
        <source>value</source>
        <translation>стойност</translation>
    </message>
    <message>
        <source>meaning</source>
        <translation>значение на кода</translation>
    </message>
    <message>
        <source>workstation</source>
        <translation>работно място</translation>
    </message>
    <message>
        <source>address of the device</source>
        <translation>адрес на устройството</translation>
    </message>
    <message>
        <source>profile</source>
        <translation>профил</translation>
    </message>
    <message>
        <source>paper width</source>
        <translation>ширина на хартията</translation>
    </message>
    <message>
        <source>cash register</source>
        <translation>каса</translation>
    </message>
    <message>
        <source>cash drawer</source>
        <translation>касово чекмедже</translation>
    </message>
    <message>
        <source>text as image</source>
        <translation>текст като изображение</translation>
    </message>
    <message>
        <source>own printer</source>
        <translation>собствен принтер</translation>
    </message>
    <message>
        <source>merchant&apos;s copy</source>
        <translation>копие за търговеца</translation>
    </message>
    <message>
        <source>operator</source>
        <translation>оператор</translation>
    </message>
    <message>
        <source>account</source>
        <translation>сметка</translation>
    </message>
    <message>
        <source>service address</source>
        <translation>адрес на услугата</translation>
    </message>
    <message>
        <source>currencies</source>
        <translation>валути</translation>
    </message>
    <message>
        <source>secret</source>
        <translation>тайна</translation>
    </message>
    <message>
        <source>key prefix</source>
        <translation>префикс на ключа</translation>
    </message>
    <message>
        <source>days kept</source>
        <translation>дни на съхранение</translation>
    </message>
    <message>
        <source>language</source>
        <translation>език</translation>
    </message>
    <message>
        <source>device</source>
        <translation>устройство</translation>
    </message>
    <message>
        <source>taxation</source>
        <translation>данъчен режим</translation>
    </message>
    <message>
        <source>VAT codes</source>
        <translation>кодове на ДДС</translation>
    </message>
    <message>
        <source>added</source>
        <translation>добавено</translation>
    </message>
    <message>
        <source>changed</source>
        <translation>променено</translation>
    </message>
    <message>
        <source>removed</source>
        <translation>премахнато</translation>
    </message>
    <message>
        <source>{name} changed</source>
        <translation>променено: {name}</translation>
    </message>
    <message>
        <source>{what} {key} {state}: {changes}</source>
        <translation>{what} {key} {state}: {changes}</translation>
    </message>
    <message>
        <source>and {count} more</source>
        <translation>и още {count}</translation>
    </message>
    <message>
        <source>Invoice</source>
        <translation>Фактура</translation>
    </message>
</context>
<context>
    <name>AuditTrailDialog</name>
    <message>
        <source>Audit trail</source>
        <translation>Одитна следа</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Кога</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Вид</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Потребител</translation>
    </message>
    <message>
        <source>Workstation</source>
        <translation>Работно място</translation>
    </message>
    <message>
        <source>Authorised by</source>
        <translation>Разрешил</translation>
    </message>
    <message>
        <source>Touched</source>
        <translation>Обект</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Какво е направено</translation>
    </message>
    <message>
        <source>&amp;Open reservation card</source>
        <translation>&amp;Отвори картата на резервацията</translation>
    </message>
    <message>
        <source>&amp;From:</source>
        <translation type="vanished">&amp;От:</translation>
    </message>
    <message>
        <source>&amp;To:</source>
        <translation type="vanished">&amp;До:</translation>
    </message>
    <message>
        <source>every kind</source>
        <translation>всички видове</translation>
    </message>
    <message>
        <source>folio number</source>
        <translation>номер на фолио</translation>
    </message>
    <message>
        <source>&amp;Show</source>
        <translation>&amp;Покажи</translation>
    </message>
    <message>
        <source>Kind:</source>
        <translation>Вид:</translation>
    </message>
    <message>
        <source>User:</source>
        <translation>Потребител:</translation>
    </message>
    <message>
        <source>Workstation:</source>
        <translation>Работно място:</translation>
    </message>
    <message>
        <source>Folio:</source>
        <translation>Фолио:</translation>
    </message>
    <message>
        <source>A folio is given by its number, such as 000042.</source>
        <translation>Фолиото се задава с номера си, например 000042.</translation>
    </message>
    <message>
        <source>everyone</source>
        <translation>всички потребители</translation>
    </message>
    <message>
        <source>every workstation</source>
        <translation>всички работни места</translation>
    </message>
    <message>
        <source>The newest {count} entries; narrow the filters to see older ones.</source>
        <translation>Последните {count} записа; стеснете филтрите, за да видите по-старите.</translation>
    </message>
    <message>
        <source>Entries: {count}</source>
        <translation>Записи: {count}</translation>
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
        <translation>Резервно копие на базата данни</translation>
    </message>
    <message>
        <source>A backup is the whole database at one moment: every guest, bill and payment. The other workstations may go on working meanwhile. Keep the file safe: only its owner can read it.</source>
        <translation>Резервното копие е цялата база данни към един момент: всеки гост, сметка и плащане. Другите работни места могат междувременно да продължат работа. Пазете файла: само собственикът му може да го чете.</translation>
    </message>
    <message>
        <source>&amp;File:</source>
        <translation>&amp;Файл:</translation>
    </message>
    <message>
        <source>&amp;Choose…</source>
        <translation>&amp;Избор…</translation>
    </message>
    <message>
        <source>To restore a backup, close the desk and the POS service on every workstation, then run on one of them: desk restore FILE</source>
        <translation type="vanished">За да възстановите копие, затворете програмата и услугата POS на всички работни места, след това изпълнете на едно от тях: desk restore ФАЙЛ</translation>
    </message>
    <message>
        <source>&amp;Back up</source>
        <translation>&amp;Създай копие</translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation>&amp;Отказ</translation>
    </message>
    <message>
        <source>Back up to</source>
        <translation>Запис на копието в</translation>
    </message>
    <message>
        <source>Desk backups (*.backup)</source>
        <translation>Резервни копия (*.backup)</translation>
    </message>
    <message>
        <source>Backing up to {file}…</source>
        <translation>Създава се копие в {file}…</translation>
    </message>
    <message>
        <source>Backed up to {file} ({size} KiB).</source>
        <translation>Копието е записано в {file} ({size} КиБ).</translation>
    </message>
    <message>
        <source>To restore a backup, everyone else signs out and the POS service is stopped; Restore… then checks it first, as “Check a backup” does, and replaces the database. The desk starts again on the restored one.</source>
        <translation>За да възстановите резервно копие, всички останали излизат от програмата, а услугата POS се спира; след това „Възстановяване…“ първо проверява копието — както „Проверка на копие“ — и заменя базата данни. Програмата се стартира отново с възстановената база.</translation>
    </message>
    <message>
        <source>Chec&amp;k a backup…</source>
        <translation>&amp;Проверка на копие…</translation>
    </message>
    <message>
        <source>&amp;Restore…</source>
        <translation>&amp;Възстановяване…</translation>
    </message>
    <message>
        <source>Sc&amp;heduled backups go to:</source>
        <translation>Копия по гра&amp;фик — в папка:</translation>
    </message>
    <message>
        <source>&amp;keeping the newest</source>
        <translation>пазят се &amp;последните</translation>
    </message>
    <message>
        <source>&amp;Save schedule</source>
        <translation>Запази &amp;графика</translation>
    </message>
    <message>
        <source>Scheduled backups go to {folder}; the newest {keep} are kept.</source>
        <translation>Копията по график се записват в {folder}; пазят се последните {keep}.</translation>
    </message>
    <message>
        <source>Check a backup</source>
        <translation>Проверка на резервно копие</translation>
    </message>
    <message>
        <source>Desk backups (*.backup);;All files (*)</source>
        <translation>Резервни копия (*.backup);;Всички файлове (*)</translation>
    </message>
    <message>
        <source>Checking {file} in a scratch copy…</source>
        <translation>Проверка на {file} във временно копие…</translation>
    </message>
    <message>
        <source>Restore a backup</source>
        <translation>Възстановяване от резервно копие</translation>
    </message>
    <message>
        <source>Replace the whole database with {file}? Everything written since it was made is lost. The desk then starts again on the restored database.</source>
        <translation>Да се замени ли цялата база данни с {file}? Всичко, записано след създаването му, се губи. След това програмата се стартира отново с възстановената база.</translation>
    </message>
    <message>
        <source>{file} is older than the last anchors: restoring it loses what the check above lists. Only a manager may confirm that. Restore it all the same?</source>
        <translation>Копието {file} е по-старо от последните котви: възстановяването губи изброеното в проверката по-горе. Само мениджър може да потвърди това. Да се възстанови ли въпреки това?</translation>
    </message>
    <message>
        <source>Restoring {file}…</source>
        <translation>Възстановяване от {file}…</translation>
    </message>
    <message>
        <source>The database is restored. The desk closes now and starts again on the restored database.</source>
        <translation>Базата данни е възстановена. Програмата се затваря сега и се стартира отново с възстановената база.</translation>
    </message>
    <message>
        <source>Schema: {schema}.</source>
        <translation>Схема: {schema}.</translation>
    </message>
    <message>
        <source>Ledger: {postings} postings and {payments} payments on {bills} bills add up.</source>
        <translation>Счетоводство: {postings} начисления и {payments} плащания по {bills} сметки се сходят.</translation>
    </message>
    <message>
        <source>Ledger chain: {links} postings and payments, each still as it was written.</source>
        <translation>Веригата на счетоводството: {links} начисления и плащания, всяко както е било записано.</translation>
    </message>
    <message>
        <source>Audit trail: {entries} entries, chain intact, {anchors} anchors held.</source>
        <translation>Одитен дневник: {entries} записа, веригата е цяла, потвърдени котви: {anchors}.</translation>
    </message>
    <message>
        <source>Fiscal journal of register {register}: {documents} documents, chain intact.</source>
        <translation>Фискален дневник на каса {register}: {documents} документа, веригата е цяла.</translation>
    </message>
    <message>
        <source>The trail&apos;s later anchored entries are missing: entries {first} to {last}, anchored by the night audit of {date}. This backup is older than that night audit: restoring it loses them, and a manager must confirm the restore.</source>
        <translation>Липсват по-късните закотвени записи на дневника: записи от {first} до {last}, закотвени от нощния одит за {date}. Това копие е по-старо от онзи нощен одит: възстановяването ще ги загуби и мениджър трябва да го потвърди.</translation>
    </message>
    <message>
        <source>Register {register}: fiscal documents {first} to {last}, anchored by its Z report of {date}, are missing: restoring the backup loses them.</source>
        <translation>Каса {register}: липсват фискалните документи от {first} до {last}, закотвени от Z отчета ѝ от {date}: възстановяването на копието ще ги загуби.</translation>
    </message>
    <message>
        <source>{file} checks out: nothing in it was changed since it was made.</source>
        <translation>{file} е проверено: нищо в него не е променяно, откакто е направено.</translation>
    </message>
    <message>
        <source>{file} was not changed, but it is older than the last anchors.</source>
        <translation>{file} не е променено, но е по-старо от последните котви.</translation>
    </message>
</context>
<context>
    <name>BillStatus</name>
    <message>
        <source>Empty</source>
        <translation>Празна</translation>
    </message>
    <message>
        <source>Not paid</source>
        <translation>Неплатена</translation>
    </message>
    <message>
        <source>Partially paid</source>
        <translation>Частично платена</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>Платена</translation>
    </message>
    <message>
        <source>Overpaid</source>
        <translation>Надплатена</translation>
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
        <translation>Платец</translation>
    </message>
    <message>
        <source>Services</source>
        <translation>Услуги</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Сума</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>Платено</translation>
    </message>
    <message>
        <source>Balance</source>
        <translation>Салдо</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <source>Empty</source>
        <translation>Празна</translation>
    </message>
    <message>
        <source>Not paid</source>
        <translation>Неплатена</translation>
    </message>
    <message>
        <source>Partially paid</source>
        <translation>Частично платена</translation>
    </message>
    <message>
        <source>Overpaid</source>
        <translation>Надплатена</translation>
    </message>
    <message>
        <source>Deposit</source>
        <translation>Депозит</translation>
    </message>
    <message>
        <source>Deposit account</source>
        <translation>Депозитна сметка</translation>
    </message>
    <message>
        <source>Held on account</source>
        <translation>По сметка</translation>
    </message>
    <message>
        <source>No services</source>
        <translation>Няма услуги</translation>
    </message>
    <message>
        <source>Click to see the service details</source>
        <translation>Щракнете, за да видите подробности за услугите</translation>
    </message>
    <message>
        <source>Money paid in advance, not yet tied to a bill; it pays bills later.</source>
        <translation>Пари, платени предварително и още не свързани със сметка; по-късно с тях се плащат сметки.</translation>
    </message>
</context>
<context>
    <name>CancelReservationDialog</name>
    <message>
        <source>Cancel reservation {number}</source>
        <translation>Анулиране на резервация {number}</translation>
    </message>
    <message>
        <source>Cancel &amp;reservation</source>
        <translation>Анулирай &amp;резервацията</translation>
    </message>
    <message>
        <source>The room is free again for these nights. A folio with money on it is settled first.</source>
        <translation>Стаята отново е свободна за тези нощувки. Фолио с пари първо се урежда.</translation>
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
        <translation>Плащане с карта</translation>
    </message>
    <message>
        <source>Refund to card</source>
        <translation>Възстановяване по карта</translation>
    </message>
    <message>
        <source>Reversal</source>
        <translation>Сторниране</translation>
    </message>
    <message>
        <source>Pre-authorisation</source>
        <translation>Предварителна авторизация</translation>
    </message>
    <message>
        <source>Capture</source>
        <translation>Усвояване</translation>
    </message>
    <message>
        <source>Release</source>
        <translation>Освобождаване</translation>
    </message>
    <message>
        <source>not sent</source>
        <translation>не е изпратена</translation>
    </message>
    <message>
        <source>sent, no answer</source>
        <translation>изпратена, без отговор</translation>
    </message>
    <message>
        <source>answer unclear</source>
        <translation>неясен отговор</translation>
    </message>
    <message>
        <source>approved, not yet on the ledger</source>
        <translation>одобрена, още не е осчетоводена</translation>
    </message>
    <message>
        <source>waiting for the card operator&apos;s confirmation</source>
        <translation>чака потвърждение от картовия оператор</translation>
    </message>
    <message>
        <source>{count} settled on the ledger</source>
        <translation type="vanished">{count} осчетоводени</translation>
    </message>
    <message>
        <source>{count} found not to have happened (nothing charged)</source>
        <translation type="vanished">{count} не са се състояли (нищо не е таксувано)</translation>
    </message>
    <message>
        <source>{count} still unclear: the terminal could not be asked</source>
        <translation type="vanished">{count} все още неясни: терминалът не отговаря</translation>
    </message>
    <message>
        <source>Nothing to resolve.</source>
        <translation>Няма нищо за уточняване.</translation>
    </message>
    <message>
        <source>Card operations: {parts}.</source>
        <translation>Операции с карти: {parts}.</translation>
    </message>
    <message>
        <source>Pending card operations</source>
        <translation>Незавършени операции с карти</translation>
    </message>
    <message>
        <source>Card operations whose end the terminal never told us (a cut cable, a crash, a late answer). Resolve asks the terminal: each is settled once, or found not to have happened.</source>
        <translation type="vanished">Операции с карти, за чийто край терминалът не е съобщил (прекъснат кабел, срив, късен отговор). „Уточни“ пита терминала: всяка се осчетоводява веднъж или се приема за несъстояла се.</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>Започната</translation>
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
        <translation>Сума</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Състояние</translation>
    </message>
    <message>
        <source>&amp;Resolve</source>
        <translation>&amp;Уточни</translation>
    </message>
    <message>
        <source>Resolve &amp;all</source>
        <translation>Уточни &amp;всички</translation>
    </message>
    <message>
        <source>Settle by &amp;hand…</source>
        <translation>Уреждане &amp;ръчно…</translation>
    </message>
    <message>
        <source>When the terminal cannot tell: a manager settles it from the receipt or the bank.</source>
        <translation type="vanished">Когато терминалът не може да каже: мениджър я урежда по бележката или по банката.</translation>
    </message>
    <message>
        <source>No card operation is pending.</source>
        <translation>Няма незавършени операции с карти.</translation>
    </message>
    <message>
        <source>Settled by hand.</source>
        <translation>Уредено ръчно.</translation>
    </message>
    <message>
        <source>Asking the terminal…</source>
        <translation type="vanished">Питане на терминала…</translation>
    </message>
    <message>
        <source>Open pre-authorisations</source>
        <translation>Открити предварителни авторизации</translation>
    </message>
    <message>
        <source>Blocked on</source>
        <translation>Блокирано на</translation>
    </message>
    <message>
        <source>Days</source>
        <translation>Дни</translation>
    </message>
    <message>
        <source>Age (days)</source>
        <translation type="vanished">Възраст (дни)</translation>
    </message>
    <message>
        <source>{count} waiting for the card operator&apos;s confirmation</source>
        <translation type="vanished">{count} чакат потвърждение от картовия оператор</translation>
    </message>
    <message>
        <source>{count} still unclear: the terminal or the card operator could not be asked</source>
        <translation type="vanished">{count} все още неясни: терминалът или картовият оператор не можаха да бъдат попитани</translation>
    </message>
    <message>
        <source>{operator} tells how this ended only by its notification (webhook): no enquiry exists for it. If it does not come, look in {operator}&apos;s Customer Area, Transactions → Payments, at payment {reference} for the modification with merchant reference {key}, then settle it by hand from what it shows.</source>
        <translation>{operator} съобщава как е завършило това само със своето известие (webhook): справка за него няма. Ако известието не дойде, намерете в Customer Area на {operator} (Transactions → Payments) плащане {reference} и в него операцията с merchant reference {key}, след това я уредете ръчно според показаното там.</translation>
    </message>
    <message>
        <source>Nothing was saved here, but the card may have been kept at {operator}: look it up in {operator}&apos;s Card Manager and delete it there.</source>
        <translation>Тук нищо не е запазено, но картата може да е останала при {operator}: намерете я в Card Manager на {operator} и я изтрийте там.</translation>
    </message>
    <message numerus="yes">
        <source>%n settled on the ledger</source>
        <translation>
            <numerusform>%n осчетоводена</numerusform>
            <numerusform>%n осчетоводени</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n found not to have happened (nothing charged)</source>
        <translation>
            <numerusform>%n не се е състояла (нищо не е таксувано)</numerusform>
            <numerusform>%n не са се състояли (нищо не е таксувано)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n waiting for the card operator&apos;s confirmation</source>
        <translation>
            <numerusform>%n чака потвърждение от картовия оператор</numerusform>
            <numerusform>%n чакат потвърждение от картовия оператор</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n still unclear: the terminal or the card operator could not be asked</source>
        <translation>
            <numerusform>%n все още неясна: терминалът или картовият оператор не можаха да бъдат попитани</numerusform>
            <numerusform>%n все още неясни: терминалът или картовият оператор не можаха да бъдат попитани</numerusform>
        </translation>
    </message>
    <message>
        <source>Card operations whose end the terminal or the online card operator never told us (a cut cable or connection, a crash, a late answer). Resolve asks the terminal or the operator: each is settled once, or found not to have happened.</source>
        <translation>Операции с карти, за чийто край терминалът или онлайн операторът на карти не е съобщил (прекъснат кабел или връзка, срив, закъснял отговор). „Изясни“ пита терминала или оператора: всяка се осчетоводява веднъж или се установява, че не е станала.</translation>
    </message>
    <message>
        <source>Terminal or operator</source>
        <translation>Терминал или оператор</translation>
    </message>
    <message>
        <source>When the terminal or the operator cannot tell: a manager settles it from the receipt, the operator&apos;s own records or the bank.</source>
        <translation>Когато терминалът или операторът не може да каже: мениджър я урежда по бележката, записите на оператора или банката.</translation>
    </message>
    <message>
        <source>Asking the terminal or the operator…</source>
        <translation>Запитване към терминала или оператора…</translation>
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
        <translation>Бележка</translation>
    </message>
    <message>
        <source>Over 5 days: the bank may have released it; pre-authorise close to arrival.</source>
        <translation>Над 5 дни: банката може вече да я е освободила; авторизирайте близо до пристигането.</translation>
    </message>
    <message>
        <source>over 5 days</source>
        <translation>над 5 дни</translation>
    </message>
    <message>
        <source>{count} open pre-authorisations.</source>
        <translation>Открити предварителни авторизации: {count}.</translation>
    </message>
    <message>
        <source>Card terminal end of day</source>
        <translation>Приключване на деня на терминала</translation>
    </message>
    <message>
        <source>Close the batch · {terminal}</source>
        <translation>Приключи пакета · {terminal}</translation>
    </message>
    <message>
        <source>Difference</source>
        <translation>Разлика</translation>
    </message>
    <message>
        <source>Receipt</source>
        <translation>Бон</translation>
    </message>
    <message>
        <source>Payment</source>
        <translation>Плащане</translation>
    </message>
    <message>
        <source>No card terminal is configured for this workstation.</source>
        <translation>За това работно място не е настроен картов терминал.</translation>
    </message>
    <message>
        <source>Closing the batch on {terminal}…</source>
        <translation>Приключване на пакета на {terminal}…</translation>
    </message>
    <message>
        <source>{terminal}: the terminal booked {terminal_total} in {count} transactions; the ledger has {ledger_total}.</source>
        <translation>{terminal}: терминалът е осчетоводил {terminal_total} в {count} операции; в счетоводството има {ledger_total}.</translation>
    </message>
    <message>
        <source>In the ledger, not in the terminal&apos;s batch</source>
        <translation>В счетоводството, но не в пакета на терминала</translation>
    </message>
    <message>
        <source>Booked by the terminal, not in the ledger</source>
        <translation>Осчетоводено от терминала, но го няма в счетоводството</translation>
    </message>
    <message>
        <source>Card payment typed in by hand, not on this terminal</source>
        <translation>Плащане с карта, въведено ръчно, не през този терминал</translation>
    </message>
    <message>
        <source>The totals match.</source>
        <translation>Сумите съвпадат.</translation>
    </message>
    <message>
        <source>The totals differ by {difference}. This terminal does not list its transactions, so the difference cannot be traced to a payment here: compare with its printed report.</source>
        <translation>Сумите се различават с {difference}. Този терминал не изброява операциите си, затова разликата не може да се отнесе към плащане тук: сверете с отпечатания му отчет.</translation>
    </message>
    <message>
        <source>The totals differ: see each payment below.</source>
        <translation>Сумите се различават: вижте всяко плащане по-долу.</translation>
    </message>
    <message>
        <source>Card operations</source>
        <translation>Операции с карти</translation>
    </message>
    <message>
        <source>Save card</source>
        <translation>Запазване на карта</translation>
    </message>
    <message>
        <source>Saved card charged</source>
        <translation>Таксуване на запазена карта</translation>
    </message>
    <message>
        <source>Pre-authorisation on a saved card</source>
        <translation>Предварителна авторизация със запазена карта</translation>
    </message>
    <message>
        <source>Saved card deleted</source>
        <translation>Изтриване на запазена карта</translation>
    </message>
    <message>
        <source>typed on the operator&apos;s page</source>
        <translation>въведена на страницата на оператора</translation>
    </message>
    <message>
        <source>read by the terminal</source>
        <translation>прочетена от терминала</translation>
    </message>
    <message>
        <source>saved card</source>
        <translation>запазена карта</translation>
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
        <translation>Оператори на карти</translation>
    </message>
    <message>
        <source>The hotel&apos;s accounts at online card operators: saved cards are charged through them. Keys are saved encrypted and never shown again.</source>
        <translation>Сметките на хотела при онлайн операторите на карти: чрез тях се таксуват запазените карти. Ключовете се пазят шифровани и не се показват повече.</translation>
    </message>
    <message>
        <source>Se&amp;ttings for:</source>
        <translation>&amp;Настройки за:</translation>
    </message>
    <message>
        <source>Connection</source>
        <translation>Връзка</translation>
    </message>
    <message>
        <source>Asks the operator with the saved account and key; nothing is charged.</source>
        <translation>Запитване към оператора със запазените сметка и ключ; нищо не се таксува.</translation>
    </message>
    <message>
        <source>C&amp;heck connection</source>
        <translation>&amp;Проверка на връзката</translation>
    </message>
    <message>
        <source>as clerks see it, e.g. Stripe EUR</source>
        <translation>както го виждат касиерите, напр. Stripe EUR</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>Им&amp;е:</translation>
    </message>
    <message>
        <source>&amp;Operator:</source>
        <translation>&amp;Оператор:</translation>
    </message>
    <message>
        <source>A&amp;ccount:</source>
        <translation>&amp;Сметка:</translation>
    </message>
    <message>
        <source>empty: the operator&apos;s own address</source>
        <translation>празно: собственият адрес на оператора</translation>
    </message>
    <message>
        <source>A&amp;ddress:</source>
        <translation>А&amp;дрес:</translation>
    </message>
    <message>
        <source>C&amp;urrencies:</source>
        <translation>&amp;Валути:</translation>
    </message>
    <message>
        <source> days after departure</source>
        <translation> дни след заминаването</translation>
    </message>
    <message>
        <source>&amp;Keep saved cards:</source>
        <translation>&amp;Пазене на картите:</translation>
    </message>
    <message>
        <source>&amp;Secret key:</source>
        <translation>Та&amp;ен ключ:</translation>
    </message>
    <message>
        <source>&amp;Webhook HMAC key:</source>
        <translation>HMAC ключ на у&amp;ебхука:</translation>
    </message>
    <message>
        <source>e.g. tmr_FDOt2wlRZEdpd7; empty: none</source>
        <translation>напр. tmr_FDOt2wlRZEdpd7; празно: няма</translation>
    </message>
    <message>
        <source>&amp;Reader at this workstation:</source>
        <translation>&amp;Четец на това работно място:</translation>
    </message>
    <message>
        <source>The operator&apos;s card reader here: a card presented on it is saved for later charges (Verify and save credit card, Terminal).</source>
        <translation>Четецът на карти на оператора тук: представената на него карта се запазва за следващи плащания (Проверка и запазване на кредитна карта, Терминал).</translation>
    </message>
    <message>
        <source>New operator…</source>
        <translation>Нов оператор…</translation>
    </message>
    <message>
        <source>optional, e.g. acct_1Hotel</source>
        <translation>по избор, напр. acct_1Hotel</translation>
    </message>
    <message>
        <source>Merchant a&amp;ccount:</source>
        <translation>&amp;Търговска сметка:</translation>
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
        <translation>&amp;Търговец/потребител:</translation>
    </message>
    <message>
        <source>e.g. 0022587/apiuser</source>
        <translation>напр. 0022587/apiuser</translation>
    </message>
    <message>
        <source>&amp;API key:</source>
        <translation>&amp;API ключ:</translation>
    </message>
    <message>
        <source>&amp;JSON API user:password:</source>
        <translation>Потребител:парола за &amp;JSON API:</translation>
    </message>
    <message>
        <source>&amp;PIN:</source>
        <translation>&amp;PIN:</translation>
    </message>
    <message>
        <source>set: leave empty to keep it, type a new one to change it</source>
        <translation>зададен: оставете празно, за да остане, или въведете нов</translation>
    </message>
    <message>
        <source>required</source>
        <translation>задължително</translation>
    </message>
    <message>
        <source>as Adyen shows it for the webhook (hexadecimal)</source>
        <translation>както Adyen го показва за уебхука (шестнадесетичен)</translation>
    </message>
    <message>
        <source>&amp;Terminal (POIID) at this workstation:</source>
        <translation>&amp;Терминал (POIID) на това работно място:</translation>
    </message>
    <message>
        <source>e.g. V400m-324688179; empty: none</source>
        <translation>напр. V400m-324688179; празно: няма</translation>
    </message>
    <message>
        <source>{name} is saved.</source>
        <translation>„{name}“ е запазен.</translation>
    </message>
    <message>
        <source>Asking {operator}…</source>
        <translation>Запитване към {operator}…</translation>
    </message>
    <message>
        <source>Check connection</source>
        <translation>Проверка на връзката</translation>
    </message>
    <message>
        <source>{operator} answered: the account and the key are right.</source>
        <translation>{operator} отговори: сметката и ключът са верни.</translation>
    </message>
    <message>
        <source>Cancelled: the connection was not checked.</source>
        <translation>Отменено: връзката не е проверена.</translation>
    </message>
</context>
<context>
    <name>CardSaveWindow</name>
    <message>
        <source>&amp;Close</source>
        <translation>&amp;Затвори</translation>
    </message>
    <message>
        <source>Card saved: {brand} {number}, valid to {expiry}.</source>
        <translation>Картата е запазена: {brand} {number}, валидна до {expiry}.</translation>
    </message>
</context>
<context>
    <name>CardTerminal</name>
    <message>
        <source>Insert, tap or swipe the card</source>
        <translation>Поставете, допрете или прекарайте картата</translation>
    </message>
    <message>
        <source>The guest enters the PIN</source>
        <translation>Гостът въвежда ПИН</translation>
    </message>
    <message>
        <source>Please wait…</source>
        <translation>Моля, изчакайте…</translation>
    </message>
    <message>
        <source>Waiting for the bank…</source>
        <translation>Изчакване на банката…</translation>
    </message>
    <message>
        <source>The guest confirms the amount</source>
        <translation>Гостът потвърждава сумата</translation>
    </message>
    <message>
        <source>Remove the card</source>
        <translation>Извадете картата</translation>
    </message>
    <message>
        <source>Card not accepted</source>
        <translation>Картата не е приета</translation>
    </message>
    <message>
        <source>Not accepted</source>
        <translation>Не е прието</translation>
    </message>
    <message>
        <source>Declined</source>
        <translation>Отказано</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>Одобрено</translation>
    </message>
    <message>
        <source>The terminal reports an error</source>
        <translation>Терминалът съобщава за грешка</translation>
    </message>
    <message>
        <source>The guest chooses the card application</source>
        <translation>Гостът избира приложението на картата</translation>
    </message>
    <message>
        <source>The guest chooses the language</source>
        <translation>Гостът избира езика</translation>
    </message>
    <message>
        <source>Printing the card slip…</source>
        <translation>Отпечатване на слипа от карта…</translation>
    </message>
    <message>
        <source>Card slip printed.</source>
        <translation>Слипът от картата е отпечатан.</translation>
    </message>
    <message>
        <source>This card operation has no slip to print.</source>
        <translation>Тази операция с карта няма слип за печат.</translation>
    </message>
    <message>
        <source>Card slip</source>
        <translation>Слип от карта</translation>
    </message>
</context>
<context>
    <name>CardTerminalDialog</name>
    <message>
        <source>&amp;Apply</source>
        <translation>&amp;Приложи</translation>
    </message>
    <message>
        <source>Am&amp;ount:</source>
        <translation>С&amp;ума:</translation>
    </message>
    <message>
        <source>P&amp;rint receipt</source>
        <translation>Пе&amp;чат на касова бележка</translation>
    </message>
    <message>
        <source>&amp;New card…</source>
        <translation>&amp;Нова карта…</translation>
    </message>
    <message>
        <source>The guest types the card on the online operator&apos;s own page; it is saved, then charged or held there.</source>
        <translation>Гостът въвежда картата на собствената страница на онлайн оператора; тя се запазва, после сумата се таксува или блокира там.</translation>
    </message>
    <message>
        <source>No card terminal is configured for this workstation (Settings › Card terminals).</source>
        <translation>За това работно място не е настроен картов терминал (Настройки › Устройства).</translation>
    </message>
    <message>
        <source>Charge {amount} · {terminal}</source>
        <translation>Плащане {amount} · {terminal}</translation>
    </message>
    <message>
        <source>Charge · {terminal}</source>
        <translation>Плащане · {terminal}</translation>
    </message>
    <message>
        <source>Refund {amount} · {terminal}</source>
        <translation>Възстанови {amount} · {terminal}</translation>
    </message>
    <message>
        <source>Refund · {terminal}</source>
        <translation>Възстанови · {terminal}</translation>
    </message>
    <message>
        <source>Pre-authorise {amount} · {terminal}</source>
        <translation>Блокирай {amount} · {terminal}</translation>
    </message>
    <message>
        <source>Pre-authorise · {terminal}</source>
        <translation>Блокирай · {terminal}</translation>
    </message>
    <message>
        <source>Capture {amount} · {terminal}</source>
        <translation>Усвои {amount} · {terminal}</translation>
    </message>
    <message>
        <source>Capture · {terminal}</source>
        <translation>Усвои · {terminal}</translation>
    </message>
    <message>
        <source>Release the whole hold · {terminal}</source>
        <translation>Освободи цялата авторизация · {terminal}</translation>
    </message>
    <message>
        <source>Only {amount} is captured; the other {rest} of the pre-authorisation is released to the guest&apos;s card at once and cannot be captured later.</source>
        <translation>Усвоява се само {amount}; останалите {rest} от предварителната авторизация веднага се освобождават по картата на госта и не могат да бъдат усвоени по-късно.</translation>
    </message>
    <message>
        <source>The whole pre-authorisation is captured; a smaller amount releases the rest to the card.</source>
        <translation>Усвоява се цялата предварителна авторизация; по-малка сума освобождава остатъка по картата.</translation>
    </message>
    <message>
        <source>C&amp;harge the card directly</source>
        <translation>Т&amp;аксувай картата директно</translation>
    </message>
    <message>
        <source>Card payment</source>
        <translation>Плащане с карта</translation>
    </message>
    <message>
        <source>Refund to card</source>
        <translation>Възстановяване по карта</translation>
    </message>
    <message>
        <source>Pre-authorise card</source>
        <translation>Предварителна авторизация на карта</translation>
    </message>
    <message>
        <source>Capture pre-authorisation</source>
        <translation>Усвояване на предварителна авторизация</translation>
    </message>
    <message>
        <source>Release pre-authorisation</source>
        <translation>Освобождаване на предварителна авторизация</translation>
    </message>
    <message>
        <source>Bill {number} · balance {balance}</source>
        <translation>Сметка {number} · остатък {balance}</translation>
    </message>
    <message>
        <source>Card payment of {amount} · refundable {refundable}</source>
        <translation>Плащане с карта {amount} · за връщане до {refundable}</translation>
    </message>
    <message>
        <source>Pre-authorisation of {amount} · {age} days old</source>
        <translation>Предварителна авторизация {amount} · дни: {age}</translation>
    </message>
    <message>
        <source>Balance: {balance}</source>
        <translation>Остатък: {balance}</translation>
    </message>
    <message>
        <source>Connecting to {terminal}…</source>
        <translation>Свързване с {terminal}…</translation>
    </message>
    <message>
        <source>{seconds} s left for the guest</source>
        <translation>Остават {seconds} с за госта</translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation>&amp;Отказ</translation>
    </message>
    <message>
        <source>Cancelling on the terminal…</source>
        <translation>Отказ на терминала…</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>&amp;Затвори</translation>
    </message>
    <message>
        <source>The terminal had already approved before the cancel arrived: the payment went through and is on the bill ({reference}).</source>
        <translation>Терминалът беше одобрил преди отказа: плащането е минало и е в сметката ({reference}).</translation>
    </message>
    <message>
        <source>Approved ({reference}).</source>
        <translation>Одобрено ({reference}).</translation>
    </message>
    <message>
        <source>The bank has already released this pre-authorisation: nothing can be captured on it. Charge the card directly for the amount instead?</source>
        <translation>Банката вече е освободила тази предварителна авторизация: нищо не може да се усвои. Да се таксува ли картата директно за сумата?</translation>
    </message>
    <message>
        <source>The card was declined. Nothing was charged.</source>
        <translation>Картата е отказана. Нищо не е таксувано.</translation>
    </message>
    <message>
        <source>The card was declined (code {code:02X}). Nothing was charged.</source>
        <translation>Картата е отказана (код {code:02X}). Нищо не е таксувано.</translation>
    </message>
    <message>
        <source>Cancelled on the terminal. Nothing was charged.</source>
        <translation>Отказано на терминала. Нищо не е таксувано.</translation>
    </message>
    <message>
        <source>The terminal gave up (time out, or the guest pressed Stop). Nothing was charged.</source>
        <translation>Терминалът прекъсна (изтекло време или гостът натисна „Стоп“). Нищо не е таксувано.</translation>
    </message>
    <message>
        <source>The terminal would not take the command (code {code:02X}): it is busy or cannot do this. Nothing was charged.</source>
        <translation>Терминалът не прие командата (код {code:02X}): зает е или не може да изпълни това. Нищо не е таксувано.</translation>
    </message>
    <message>
        <source>The terminal could not be reached: {error}. Nothing was charged.</source>
        <translation>Терминалът е недостъпен: {error}. Нищо не е таксувано.</translation>
    </message>
    <message>
        <source>The terminal&apos;s operation was reversed. Nothing was charged.</source>
        <translation>Операцията на терминала е сторнирана. Нищо не е таксувано.</translation>
    </message>
    <message>
        <source>The terminal did not say how this ended. It is listed under Pending card operations, where it is resolved with the terminal.</source>
        <translation>Терминалът не съобщи как е завършило. Операцията е в „Незавършени операции с карти“, където се уточнява с терминала.</translation>
    </message>
</context>
<context>
    <name>CardsWindow</name>
    <message>
        <source>Cards</source>
        <translation>Картони</translation>
    </message>
</context>
<context>
    <name>CashMoveDialog</name>
    <message>
        <source>Cash out</source>
        <translation>Служебно извеждане</translation>
    </message>
    <message>
        <source>Cash in</source>
        <translation>Служебно въвеждане</translation>
    </message>
    <message>
        <source>Cash &amp;out</source>
        <translation>&amp;Извеждане</translation>
    </message>
    <message>
        <source>Cash &amp;in</source>
        <translation>&amp;Въвеждане</translation>
    </message>
    <message>
        <source>Am&amp;ount:</source>
        <translation>Су&amp;ма:</translation>
    </message>
    <message>
        <source>C&amp;urrency:</source>
        <translation>&amp;Валута:</translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation>&amp;Причина:</translation>
    </message>
    <message>
        <source>Say why the cash goes in or out.</source>
        <translation>Посочете причината за въвеждането или извеждането.</translation>
    </message>
</context>
<context>
    <name>CatalogueDialog</name>
    <message>
        <source>Services and payments</source>
        <translation>Услуги и плащания</translation>
    </message>
    <message>
        <source>&amp;Services</source>
        <translation>&amp;Услуги</translation>
    </message>
    <message>
        <source>&amp;Outlets</source>
        <translation>&amp;Търговски обекти</translation>
    </message>
    <message>
        <source>POS mappin&amp;g</source>
        <translation>Съпоставяне с &amp;POS</translation>
    </message>
    <message>
        <source>&amp;Payment methods</source>
        <translation>&amp;Начини на плащане</translation>
    </message>
    <message>
        <source>&amp;Currencies</source>
        <translation>&amp;Валути</translation>
    </message>
    <message>
        <source>Co&amp;mpanies</source>
        <translation>Ф&amp;ирми</translation>
    </message>
    <message>
        <source>Cash &amp;registers</source>
        <translation>&amp;Каси</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Код</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Наименование</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>Цена</translation>
    </message>
    <message>
        <source>VAT</source>
        <translation>ДДС</translation>
    </message>
    <message>
        <source>&amp;Code:</source>
        <translation>&amp;Код:</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Наименование:</translation>
    </message>
    <message>
        <source>Name in Russian:</source>
        <translation>Наименование на руски:</translation>
    </message>
    <message>
        <source>Name in Bulgarian:</source>
        <translation>Наименование на български:</translation>
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
        <translation>&amp;Ставка ДДС:</translation>
    </message>
    <message>
        <source>&amp;Add service</source>
        <translation>&amp;Добави услуга</translation>
    </message>
    <message>
        <source>Sa&amp;ve changes</source>
        <translation>За&amp;пази промените</translation>
    </message>
    <message>
        <source>Add &amp;outlet</source>
        <translation>Добави &amp;обект</translation>
    </message>
    <message>
        <source>item code</source>
        <translation>код на артикул</translation>
    </message>
    <message>
        <source>category code</source>
        <translation>код на категория</translation>
    </message>
    <message>
        <source>any other line</source>
        <translation>всеки друг ред</translation>
    </message>
    <message>
        <source>POS line</source>
        <translation>Ред от POS</translation>
    </message>
    <message>
        <source>POS code</source>
        <translation>Код в POS</translation>
    </message>
    <message>
        <source>Posts as service</source>
        <translation>Осчетоводява се като услуга</translation>
    </message>
    <message>
        <source>Revenue group</source>
        <translation>Група приходи</translation>
    </message>
    <message>
        <source>A POS check&apos;s line posts as the service its item code is mapped to, else its category code&apos;s, else the outlet&apos;s service for any other line. A line none of them names still posts, and the revenue report lists its check.</source>
        <translation>Редът от сметка на POS се осчетоводява като услугата, съпоставена с кода на артикула, иначе с кода на категорията, иначе като услугата на обекта за всеки друг ред. Ред без съпоставяне пак се осчетоводява, а справката за приходите показва сметката му.</translation>
    </message>
    <message>
        <source>Ou&amp;tlet:</source>
        <translation>&amp;Обект:</translation>
    </message>
    <message>
        <source>POS &amp;line:</source>
        <translation>&amp;Ред от POS:</translation>
    </message>
    <message>
        <source>POS co&amp;de:</source>
        <translation>&amp;Код в POS:</translation>
    </message>
    <message>
        <source>Posts as ser&amp;vice:</source>
        <translation>Осчетоводява се като &amp;услуга:</translation>
    </message>
    <message>
        <source>&amp;Map</source>
        <translation>Съ&amp;постави</translation>
    </message>
    <message>
        <source>&amp;Remove mapping</source>
        <translation>&amp;Премахни съпоставянето</translation>
    </message>
    <message>
        <source>cash</source>
        <translation>в брой</translation>
    </message>
    <message>
        <source>card</source>
        <translation>карта</translation>
    </message>
    <message>
        <source>bank transfer</source>
        <translation>банков превод</translation>
    </message>
    <message>
        <source>deposit</source>
        <translation>депозит</translation>
    </message>
    <message>
        <source>company account</source>
        <translation>сметка на фирма</translation>
    </message>
    <message>
        <source>other</source>
        <translation>друго</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Вид</translation>
    </message>
    <message>
        <source>Add &amp;method</source>
        <translation>Добави &amp;начин</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>Валута</translation>
    </message>
    <message>
        <source>Valid from</source>
        <translation>Валиден от</translation>
    </message>
    <message>
        <source>Rate</source>
        <translation>Курс</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Източник</translation>
    </message>
    <message>
        <source>A rate is what one unit of the currency is worth in the hotel&apos;s currency. A payment converts at the rate valid on its date.</source>
        <translation>Курсът е колко струва една единица от валутата във валутата на хотела. Плащането се превалутира по курса, валиден на датата му.</translation>
    </message>
    <message>
        <source>Set &amp;rate</source>
        <translation>Задай &amp;курс</translation>
    </message>
    <message>
        <source>&amp;Import the ECB&apos;s file…</source>
        <translation>&amp;Зареди файла на ЕЦБ…</translation>
    </message>
    <message>
        <source>Tax ID</source>
        <translation>ЕИК</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Адрес</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>Ел. поща</translation>
    </message>
    <message>
        <source>Credit limit</source>
        <translation>Кредитен лимит</translation>
    </message>
    <message>
        <source>&amp;Tax ID:</source>
        <translation>&amp;ЕИК:</translation>
    </message>
    <message>
        <source>&amp;Address:</source>
        <translation>&amp;Адрес:</translation>
    </message>
    <message>
        <source>&amp;E-mail for invoices:</source>
        <translation>&amp;Ел. поща за фактури:</translation>
    </message>
    <message>
        <source>Credit &amp;limit (empty: none):</source>
        <translation>Кредитен &amp;лимит (празно: без лимит):</translation>
    </message>
    <message>
        <source>Add co&amp;mpany</source>
        <translation>Добави ф&amp;ирма</translation>
    </message>
    <message>
        <source>Save c&amp;ompany</source>
        <translation>Запази фи&amp;рмата</translation>
    </message>
    <message>
        <source>Prints on</source>
        <translation>Печата на</translation>
    </message>
    <message>
        <source>Which printer prints a register&apos;s receipts, and the card terminals, are set per workstation in Devices.</source>
        <translation>Кой принтер печата бележките на касата и картовите терминали се настройват за всяко работно място в „Устройства“.</translation>
    </message>
    <message>
        <source>Add re&amp;gister</source>
        <translation>Добави к&amp;аса</translation>
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
        <translation>приета по курс</translation>
    </message>
    <message>
        <source>The ECB&apos;s daily rates</source>
        <translation>Дневни курсове на ЕЦБ</translation>
    </message>
    <message>
        <source>XML files (*.xml)</source>
        <translation>Файлове XML (*.xml)</translation>
    </message>
    <message>
        <source>Outlet</source>
        <translation>Обект</translation>
    </message>
    <message>
        <source>Sold at &amp;outlet:</source>
        <translation>&amp;Обект на продажба:</translation>
    </message>
    <message>
        <source>none</source>
        <translation>няма</translation>
    </message>
</context>
<context>
    <name>CheckInToRoomDialog</name>
    <message>
        <source>Check in to a room</source>
        <translation>Настаняване в стая</translation>
    </message>
    <message>
        <source>Check &amp;in</source>
        <translation>&amp;Настани</translation>
    </message>
    <message>
        <source>Reservation {number}: choose the room the guest gets.</source>
        <translation>Резервация {number}: изберете стаята на госта.</translation>
    </message>
    <message>
        <source>No room is free for this stay.</source>
        <translation>Няма свободна стая за този престой.</translation>
    </message>
</context>
<context>
    <name>CheckOutDialog</name>
    <message>
        <source>Check out</source>
        <translation>Напускане</translation>
    </message>
    <message>
        <source>Check &amp;out</source>
        <translation>&amp;Напускане</translation>
    </message>
    <message>
        <source>{owner} · room {room}</source>
        <translation>{owner} · стая {room}</translation>
    </message>
    <message>
        <source>Bill</source>
        <translation>Сметка</translation>
    </message>
    <message>
        <source>Payer</source>
        <translation>Платец</translation>
    </message>
    <message>
        <source>Charges</source>
        <translation>Начисления</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>Платено</translation>
    </message>
    <message>
        <source>Balance</source>
        <translation>Салдо</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <source>Settle the open balance</source>
        <translation>Уредете неплатеното салдо</translation>
    </message>
    <message>
        <source>Pay from the &amp;deposit…</source>
        <translation>Плащане от &amp;депозита…</translation>
    </message>
    <message>
        <source>&amp;Refund the deposit…</source>
        <translation>&amp;Възстановяване на депозита…</translation>
    </message>
    <message>
        <source>Transfer &amp;bill:</source>
        <translation>Прехвърляне на &amp;сметка:</translation>
    </message>
    <message>
        <source>To the &amp;account of:</source>
        <translation>По с&amp;метката на:</translation>
    </message>
    <message>
        <source>&amp;Transfer to the company account</source>
        <translation>П&amp;рехвърляне по сметката на фирмата</translation>
    </message>
    <message>
        <source>&amp;Manager override: check out with the balance open</source>
        <translation>&amp;Разрешение от мениджър: напускане с неплатено салдо</translation>
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
        <translation>&amp;Плащане на сметка {number}…</translation>
    </message>
    <message>
        <source>{number} · {payer} · {balance}</source>
        <translation>{number} · {payer} · {balance}</translation>
    </message>
    <message>
        <source>Only a reservation is checked out.</source>
        <translation>Напускане е възможно само за резервация.</translation>
    </message>
    <message>
        <source>Reservation {number} is not in house.</source>
        <translation>Резервация {number} не е настанена.</translation>
    </message>
    <message>
        <source>Every bill is settled and the deposit is empty: the guest can check out.</source>
        <translation>Всички сметки са уредени и депозитът е празен: гостът може да напусне.</translation>
    </message>
    <message>
        <source>Bill {number} owes {amount}.</source>
        <translation>Сметка {number} дължи {amount}.</translation>
    </message>
    <message>
        <source>Bill {number} is overpaid by {amount}: refund it from the card.</source>
        <translation>Сметка {number} е надплатена с {amount}: направете възстановяване от картона.</translation>
    </message>
    <message>
        <source>The deposit holds {amount}: use it for a bill.</source>
        <translation>В депозита има {amount}: използвайте го за сметка.</translation>
    </message>
    <message>
        <source>The deposit still holds {amount}: refund it.</source>
        <translation>В депозита още има {amount}: възстановете го.</translation>
    </message>
    <message>
        <source>The deposit is short by {amount}.</source>
        <translation>Депозитът не достига с {amount}.</translation>
    </message>
    <message>
        <source>Settle it below, or a manager can let the guest leave with the balance open.</source>
        <translation>Уредете салдото по-долу или мениджър може да позволи на госта да напусне с неплатено салдо.</translation>
    </message>
    <message>
        <source>Choose the bill and the company.</source>
        <translation>Изберете сметката и фирмата.</translation>
    </message>
    <message>
        <source>Settle the open balance first, or ask a manager to override.</source>
        <translation>Първо уредете салдото или поискайте разрешение от мениджър.</translation>
    </message>
    <message>
        <source>Say why the guest leaves with the balance open.</source>
        <translation>Посочете защо гостът напуска с неплатено салдо.</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>&amp;Затваряне</translation>
    </message>
    <message>
        <source>{number} is checked out.</source>
        <translation>{number}: напускането е оформено.</translation>
    </message>
    <message>
        <source>The final folio PDF cannot be made yet: the reports module is not installed.</source>
        <translation type="vanished">Окончателното фолио в PDF още не може да се създаде: модулът за справки не е инсталиран.</translation>
    </message>
    <message>
        <source>Writing the final folio…</source>
        <translation>Създаване на окончателното фолио…</translation>
    </message>
    <message>
        <source>The final folio is saved as {path}; no PDF viewer could open it.</source>
        <translation>Окончателното фолио е записано като {path}; нито една програма за PDF не успя да го отвори.</translation>
    </message>
    <message>
        <source>The final folio PDF could not be written: {error}</source>
        <translation>Окончателното фолио в PDF не можа да бъде записано: {error}</translation>
    </message>
</context>
<context>
    <name>CityTaxDialog</name>
    <message>
        <source>City tax</source>
        <translation>Туристически данък</translation>
    </message>
    <message>
        <source>From</source>
        <translation>От дата</translation>
    </message>
    <message>
        <source>Per guest and night</source>
        <translation>На гост на нощувка</translation>
    </message>
    <message>
        <source>Of the room night</source>
        <translation>От цената на нощувката</translation>
    </message>
    <message>
        <source>Children exempt under</source>
        <translation>Децата освободени до</translation>
    </message>
    <message>
        <source>Charged as</source>
        <translation>Начислява се като</translation>
    </message>
    <message>
        <source>Set by</source>
        <translation>Зададен от</translation>
    </message>
    <message>
        <source>Set at</source>
        <translation>Зададен на</translation>
    </message>
    <message>
        <source>A new amount from a date on</source>
        <translation>Нова сума от дата</translation>
    </message>
    <message>
        <source>&amp;Amount per guest and night:</source>
        <translation>&amp;Сума на гост на нощувка:</translation>
    </message>
    <message>
        <source>&amp;Percentage of the room night:</source>
        <translation>&amp;Процент от цената на нощувката:</translation>
    </message>
    <message>
        <source>no exemption</source>
        <translation>не са освободени</translation>
    </message>
    <message>
        <source>C&amp;hildren exempt under the age of:</source>
        <translation>&amp;Децата са освободени до възраст:</translation>
    </message>
    <message>
        <source>&amp;Charged as service:</source>
        <translation>&amp;Начислява се като услуга:</translation>
    </message>
    <message>
        <source>&amp;From:</source>
        <translation>&amp;От дата:</translation>
    </message>
    <message>
        <source>&amp;Set</source>
        <translation>&amp;Задай</translation>
    </message>
    <message>
        <source>The night audit charges each guest in the house the amount that applies to the night, and the percentage of the room night for the guests it applies to. Children under the age, and guests whose exemption the desk recorded, pay none. A setting is never changed once made: set a new one from a later date (0 and no percentage: no city tax from that date).</source>
        <translation>Нощният одит начислява на всеки настанен гост сумата, валидна за нощта, и процента от цената на нощувката за гостите, които го дължат. Децата под възрастта и гостите, чието освобождаване е записано на рецепцията, не плащат. Зададената стойност не се променя: задайте нова от по-късна дата (0 и без процент: без туристически данък от тази дата).</translation>
    </message>
    <message>
        <source>The night audit charges each guest in the house the amount that applies to the night. An amount is never changed once set: set a new one from a later date (0: no city tax from that date).</source>
        <translation type="vanished">Нощният одит начислява на всеки настанен гост сумата, валидна за нощта. Зададена сума не се променя: задайте нова от по-късна дата (0 — без данък от тази дата).</translation>
    </message>
    <message>
        <source>none</source>
        <translation>няма</translation>
    </message>
</context>
<context>
    <name>CloseShiftDialog</name>
    <message>
        <source>Close shift</source>
        <translation>Закриване на смяна</translation>
    </message>
    <message>
        <source>&amp;Close shift</source>
        <translation>&amp;Закриване на смяната</translation>
    </message>
    <message>
        <source>Shift {number}, opened by {name}</source>
        <translation>Смяна {number}, открита от {name}</translation>
    </message>
    <message>
        <source>Count every note and coin in the drawer. What the drawer should hold is shown only after the count is recorded.</source>
        <translation>Пребройте всички банкноти и монети в касата. Колко трябва да има в касата, се показва едва след като преброяването бъде записано.</translation>
    </message>
    <message>
        <source>Note or coin</source>
        <translation>Банкнота или монета</translation>
    </message>
    <message>
        <source>Pieces</source>
        <translation>Брой</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Сума</translation>
    </message>
    <message>
        <source>Counted: {amount}</source>
        <translation>Преброено: {amount}</translation>
    </message>
    <message>
        <source>Z report</source>
        <translation>Z отчет</translation>
    </message>
    <message>
        <source>The register prints the Z report. Cancel stops waiting for it: the register still finishes it, you are told how it ended, and a Z report whose paper is unsure waits in Shift → Check receipts.</source>
        <translation>Касата отпечатва Z отчета. „Отказ“ спира чакането: касата пак ще го довърши, ще ви бъде съобщено как е завършил печатът, а Z отчет с несигурен печат чака в „Смяна → Проверка на касовите бележки“.</translation>
    </message>
    <message>
        <source>The register is still printing the Z report; the shift is closed. You are told how the Z report ended when the register answers; if its paper is unsure, it waits in Shift → Check receipts to be printed again.</source>
        <translation>Касата още отпечатва Z отчета; смяната е затворена. Когато касата отговори, ще ви бъде съобщено как е завършил печатът на Z отчета; ако може да не е отпечатан изцяло, той чака повторен печат в „Смяна → Проверка на касовите бележки“.</translation>
    </message>
    <message>
        <source>The register&apos;s Z report: {problems}</source>
        <translation>Z отчетът на касата: {problems}</translation>
    </message>
    <message>
        <source>The register printed the Z report.</source>
        <translation>Касата отпечата Z отчета.</translation>
    </message>
</context>
<context>
    <name>CompanyInvoiceDialog</name>
    <message>
        <source>New invoice for a company</source>
        <translation>Нова фактура за фирма</translation>
    </message>
    <message>
        <source>&amp;Company:</source>
        <translation>&amp;Фирма:</translation>
    </message>
    <message>
        <source>Bills to put on the invoice:</source>
        <translation>Сметки, които да влязат във фактурата:</translation>
    </message>
    <message>
        <source>&amp;Issue invoice</source>
        <translation>&amp;Издаване на фактура</translation>
    </message>
    <message>
        <source>Bill {number} · {payer} · {amount}</source>
        <translation>Сметка {number} · {payer} · {amount}</translation>
    </message>
    <message>
        <source>The company has no bill left to invoice.</source>
        <translation>Фирмата няма сметки, които да бъдат фактурирани.</translation>
    </message>
    <message>
        <source>Tick the bills to invoice.</source>
        <translation>Отбележете сметките за фактуриране.</translation>
    </message>
    <message>
        <source>{count} bills ticked, total {amount}</source>
        <translation>Отбелязани сметки: {count}, общо {amount}</translation>
    </message>
</context>
<context>
    <name>CreditLimitDialog</name>
    <message>
        <source>Credit limit · {number}</source>
        <translation>Кредитен лимит · {number}</translation>
    </message>
    <message>
        <source>&amp;Set limit</source>
        <translation>&amp;Задай лимит</translation>
    </message>
    <message>
        <source>&amp;Limit ({currency}):</source>
        <translation>&amp;Лимит ({currency}):</translation>
    </message>
    <message>
        <source>The most the guest may owe, less the deposit held, before the card and Open balances show it exceeded. Leave it empty for no limit.</source>
        <translation>Колко може да дължи гостът (без внесения депозит), преди картата и справката „Открити салда“ да покажат превишение. Оставете празно — без лимит.</translation>
    </message>
</context>
<context>
    <name>CreditNoteDialog</name>
    <message>
        <source>Credit note to invoice {number}</source>
        <translation>Кредитно известие към фактура {number}</translation>
    </message>
    <message>
        <source>Buyer:</source>
        <translation>Получател:</translation>
    </message>
    <message>
        <source>Left to credit:</source>
        <translation>Остава за кредитиране:</translation>
    </message>
    <message>
        <source>empty: all that is left</source>
        <translation>празно: всичко, което остава</translation>
    </message>
    <message>
        <source>&amp;Amount:</source>
        <translation>&amp;Сума:</translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation>&amp;Основание:</translation>
    </message>
    <message>
        <source>&amp;Issue credit note</source>
        <translation>&amp;Издаване на кредитно известие</translation>
    </message>
    <message>
        <source>Type an amount such as 25.00, or leave it empty</source>
        <translation>Въведете сума, например 25,00, или оставете празно</translation>
    </message>
</context>
<context>
    <name>DateRange</name>
    <message>
        <source>&amp;From:</source>
        <translation>&amp;От:</translation>
    </message>
    <message>
        <source>&amp;To:</source>
        <translation>&amp;До:</translation>
    </message>
</context>
<context>
    <name>DefaultCreditLimitDialog</name>
    <message>
        <source>Default credit limit</source>
        <translation>Кредитен лимит по подразбиране</translation>
    </message>
    <message>
        <source>&amp;Set limit</source>
        <translation type="vanished">&amp;Задай лимит</translation>
    </message>
    <message>
        <source>&amp;Limit ({currency}):</source>
        <translation type="vanished">&amp;Лимит ({currency}):</translation>
    </message>
    <message>
        <source>Each new reservation gets this credit limit; a manager may change it on the card. Reservations made before keep theirs. Leave it empty for no limit.</source>
        <translation>Всяка нова резервация получава този кредитен лимит; мениджър може да го промени в картата. Резервациите отпреди запазват своя. Оставете празно за без лимит.</translation>
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
        <translation>&amp;Приемане на депозит</translation>
    </message>
    <message>
        <source>The deposit holds {amount}</source>
        <translation>В депозита има {amount}</translation>
    </message>
    <message>
        <source>Take &amp;deposit</source>
        <translation>Приемане на &amp;депозит</translation>
    </message>
    <message>
        <source>Pay a bill &amp;from the deposit</source>
        <translation>Плащане на сметка &amp;от депозита</translation>
    </message>
    <message>
        <source>&amp;Method:</source>
        <translation>&amp;Начин на плащане:</translation>
    </message>
    <message>
        <source>&amp;Payer:</source>
        <translation>&amp;Платец:</translation>
    </message>
    <message>
        <source>Reference, e.g. the bank transfer&apos;s number</source>
        <translation>Референция, напр. номер на банковия превод</translation>
    </message>
    <message>
        <source>Te&amp;xt:</source>
        <translation>Те&amp;кст:</translation>
    </message>
    <message>
        <source>P&amp;rint receipt</source>
        <translation>Пе&amp;чат на касова бележка</translation>
    </message>
    <message>
        <source>&amp;Bill:</source>
        <translation>С&amp;метка:</translation>
    </message>
    <message>
        <source>Am&amp;ount ({currency}):</source>
        <translation>С&amp;ума ({currency}):</translation>
    </message>
    <message>
        <source>No bill is waiting for payment.</source>
        <translation>Няма сметка, чакаща плащане.</translation>
    </message>
    <message>
        <source>At most {maximum}: the deposit holds {deposit}, the bill owes {owed}.</source>
        <translation>Най-много {maximum}: в депозита има {deposit}, сметката дължи {owed}.</translation>
    </message>
    <message>
        <source>&amp;Pay bill</source>
        <translation>&amp;Плащане на сметка</translation>
    </message>
    <message>
        <source>Choose how the guest pays.</source>
        <translation>Изберете начин на плащане.</translation>
    </message>
    <message>
        <source>The deposit is empty.</source>
        <translation>Депозитът е празен.</translation>
    </message>
    <message>
        <source>At most {amount} can be paid from the deposit.</source>
        <translation>От депозита може да се платят най-много {amount}.</translation>
    </message>
</context>
<context>
    <name>DeskError</name>
    <message>
        <source>A PIN is 4 to 8 digits</source>
        <translation>ПИН кодът е от 4 до 8 цифри</translation>
    </message>
    <message>
        <source>A POS name is 1-24 letters, digits, &apos;.&apos;, &apos;_&apos; or &apos;-&apos;</source>
        <translation>Името на POS е от 1 до 24 букви, цифри, „.“, „_“ или „-“</translation>
    </message>
    <message>
        <source>A bill needs a payer</source>
        <translation>Сметката трябва да има платец</translation>
    </message>
    <message>
        <source>A card operation on this is still pending: resolve it first</source>
        <translation>Операция с карта по това още не е завършена (чака отговор): първо я уредете</translation>
    </message>
    <message>
        <source>A card payment on this bill is still unresolved: settle it in Pending card operations first</source>
        <translation type="vanished">Плащане с карта по тази сметка още не е приключено: първо го уредете в „Незавършени операции с карти“</translation>
    </message>
    <message>
        <source>A card payment on this bill is still unresolved: settle it in Pending card operations on {workstation} first</source>
        <translation>Плащане с карта по тази сметка още не е приключено: първо го уредете в „Незавършени операции с карти“ на работно място {workstation}</translation>
    </message>
    <message>
        <source>A check charged to a room must be more than zero</source>
        <translation>Сметка, начислена към стая, трябва да е повече от нула</translation>
    </message>
    <message>
        <source>A check needs an id and a number of at most 40 characters</source>
        <translation>Сметката трябва да има идентификатор и номер до 40 знака</translation>
    </message>
    <message>
        <source>A check needs at least one line</source>
        <translation>Сметката трябва да има поне един ред</translation>
    </message>
    <message>
        <source>A checked-out stay left by the business date {date}</source>
        <translation>Напусналият гост трябва да е напуснал до работната дата {date}</translation>
    </message>
    <message>
        <source>A deposit is refunded to the payer</source>
        <translation>Депозитът се възстановява на платеца</translation>
    </message>
    <message>
        <source>A document cannot be issued in the future</source>
        <translation>Документът не може да е издаден в бъдещето</translation>
    </message>
    <message>
        <source>A document needs its number</source>
        <translation>Документът трябва да има номер</translation>
    </message>
    <message>
        <source>A document number has at most {limit} characters</source>
        <translation>Номерът на документа е най-много {limit} знака</translation>
    </message>
    <message>
        <source>A guest in house arrived by the business date {date} and leaves on it or later</source>
        <translation>Настаненият гост е пристигнал до работната дата {date} и заминава на нея или по-късно</translation>
    </message>
    <message>
        <source>A guest in house needs a room: give its number in room</source>
        <translation>Настаненият гост се нуждае от стая: посочете номера ѝ в колоната room</translation>
    </message>
    <message>
        <source>A guest needs a name</source>
        <translation>Гостът трябва да има име</translation>
    </message>
    <message>
        <source>A journal intent needs a kind and a device</source>
        <translation>Записът в дневника изисква вид операция и устройство</translation>
    </message>
    <message>
        <source>A ledger amount is in {currency}, not the hotel&apos;s {base}</source>
        <translation>Сума в регистъра е в {currency}, а не във валутата на хотела {base}</translation>
    </message>
    <message>
        <source>A login sends the password: choose STARTTLS or TLS, or clear the user</source>
        <translation>Влизането изпраща паролата: изберете STARTTLS или TLS или изчистете потребителя</translation>
    </message>
    <message>
        <source>A mail password may hold only Latin letters, digits and signs</source>
        <translation>Паролата за поща може да съдържа само латински букви, цифри и знаци</translation>
    </message>
    <message>
        <source>A mail server needs a host name</source>
        <translation>Пощенският сървър трябва да има име на хост</translation>
    </message>
    <message>
        <source>A manager signs in with the password, not a PIN</source>
        <translation>Мениджърът влиза с парола, а не с PIN код</translation>
    </message>
    <message>
        <source>A name has at most {limit} characters</source>
        <translation>Името е най-много {limit} знака</translation>
    </message>
    <message>
        <source>A network terminal&apos;s address is tcp://host:port</source>
        <translation>Адресът на мрежов терминал е tcp://хост:порт</translation>
    </message>
    <message>
        <source>A no-show was due by the business date {date}</source>
        <translation>Неявилият се гост е трябвало да пристигне до работната дата {date}</translation>
    </message>
    <message>
        <source>A payment code is 1-16 characters</source>
        <translation>Кодът на плащане е от 1 до 16 знака</translation>
    </message>
    <message>
        <source>A payment code means one of: {values}</source>
        <translation>Кодът на плащане означава едно от: {values}</translation>
    </message>
    <message>
        <source>A payment made on the card terminal is given back on the terminal: refund it to the card, or record that it was refunded outside the desk</source>
        <translation>Плащане, прието на картовия терминал, се връща на терминала: възстановете го по картата или отбележете, че е възстановено извън касата</translation>
    </message>
    <message>
        <source>A phone number starts with + and the country code, e.g. +359 88 123 4567</source>
        <translation>Телефонният номер започва с + и кода на държавата, напр. +359 88 123 4567</translation>
    </message>
    <message>
        <source>A port is a number from 1 to 65535</source>
        <translation>Портът е число от 1 до 65535</translation>
    </message>
    <message>
        <source>A pre-authorisation on this folio is still unresolved: settle it in Pending card operations first</source>
        <translation>Предварителна авторизация по това фолио още не е приключена: първо я уредете в „Незавършени операции с карти“</translation>
    </message>
    <message>
        <source>A price cannot be negative: reverse the service instead</source>
        <translation>Цената не може да е отрицателна: сторнирайте услугата</translation>
    </message>
    <message>
        <source>A printer address is at most 160 characters</source>
        <translation>Адресът на принтера е най-много 160 знака</translation>
    </message>
    <message>
        <source>A printer needs a name of at most 80 characters</source>
        <translation>Принтерът трябва да има име до 80 знака</translation>
    </message>
    <message>
        <source>A refund into the deposit is undone by applying the deposit</source>
        <translation>Възстановяване в депозита се отменя с прилагане на депозита</translation>
    </message>
    <message>
        <source>A register&apos;s address has no login or password in it: they stay in the workstation&apos;s KKMSERVER_LOGIN and KKMSERVER_PASSWORD, never in the database</source>
        <translation>Адресът на касата не съдържа потребител и парола: те остават в KKMSERVER_LOGIN и KKMSERVER_PASSWORD на работното място, никога в базата данни</translation>
    </message>
    <message>
        <source>A reservation needs at least one guest</source>
        <translation>Резервацията трябва да има поне един гост</translation>
    </message>
    <message>
        <source>A reservation&apos;s status is confirmed, in_house, checked_out, no_show or cancelled, not “{value}”</source>
        <translation>Статусът на резервацията е confirmed, in_house, checked_out, no_show или cancelled, а не „{value}“</translation>
    </message>
    <message>
        <source>A reversal cannot itself be reversed</source>
        <translation>Сторно не може да бъде сторнирано</translation>
    </message>
    <message>
        <source>A room has between 1 and {limit} beds</source>
        <translation>Стаята има от 1 до {limit} легла</translation>
    </message>
    <message>
        <source>A room number has 1 to {limit} characters</source>
        <translation>Номерът на стаята е от 1 до {limit} знака</translation>
    </message>
    <message>
        <source>A room type needs a name</source>
        <translation>Типът стая трябва да има име</translation>
    </message>
    <message>
        <source>A room type&apos;s code has 1 to {limit} characters</source>
        <translation>Кодът на типа стая е от 1 до {limit} знака</translation>
    </message>
    <message>
        <source>A service needs a description</source>
        <translation>Услугата трябва да има описание</translation>
    </message>
    <message>
        <source>A shift was opened on {workstation} at the same moment</source>
        <translation>В същия момент на {workstation} вече беше отворена смяна</translation>
    </message>
    <message>
        <source>A stay is at most {limit} nights</source>
        <translation>Престоят е най-много {limit} нощувки</translation>
    </message>
    <message>
        <source>A terminal belongs to a workstation</source>
        <translation>Терминалът принадлежи на работно място</translation>
    </message>
    <message>
        <source>A terminal is reached by tcp://host:20007 or serial:///dev/ttyACM0</source>
        <translation>Терминалът се свързва чрез tcp://хост:20007 или serial:///dev/ttyACM0</translation>
    </message>
    <message>
        <source>A terminal needs a name</source>
        <translation>Терминалът трябва да има име</translation>
    </message>
    <message>
        <source>A terminal&apos;s password is six digits</source>
        <translation>Паролата на терминала е шест цифри</translation>
    </message>
    <message>
        <source>A tip cannot be negative</source>
        <translation type="vanished">Бакшишът не може да е отрицателен</translation>
    </message>
    <message>
        <source>A user name is at most {n} characters</source>
        <translation>Потребителското име е най-много {n} знака</translation>
    </message>
    <message>
        <source>A voided payment cannot be refunded</source>
        <translation>Анулирано плащане не може да бъде възстановено</translation>
    </message>
    <message>
        <source>A walk-in arrives on the business date {date}</source>
        <translation>Гост без резервация пристига на работната дата {date}</translation>
    </message>
    <message>
        <source>A walk-in client needs a name</source>
        <translation>Клиентът без резервация трябва да има име</translation>
    </message>
    <message>
        <source>A workstation name is 1 to 40 characters</source>
        <translation>Името на работното място е от 1 до 40 знака</translation>
    </message>
    <message>
        <source>A {kind} register takes the VAT codes {codes}, not {wrong}</source>
        <translation>Регистър от вид {kind} приема данъчните кодове {codes}, а не {wrong}</translation>
    </message>
    <message>
        <source>A {role} may not {action}: a manager must authorise it</source>
        <translation>Ролята „{role}“ не позволява да {action}: нужно е разрешение от мениджър</translation>
    </message>
    <message>
        <source>An exemption&apos;s reason is at most {limit} characters</source>
        <translation>Причината за освобождаване е най-много {limit} знака</translation>
    </message>
    <message>
        <source>An external id is 1-{limit} characters</source>
        <translation>Външният идентификатор е от 1 до {limit} знака</translation>
    </message>
    <message>
        <source>An external id is at most {limit} characters</source>
        <translation>Външният идентификатор е най-много {limit} знака</translation>
    </message>
    <message>
        <source>An item&apos;s name is too long: at most {limit} characters</source>
        <translation>Името на артикула е твърде дълго: най-много {limit} знака</translation>
    </message>
    <message>
        <source>Another desk was changing the same bill at the same moment, so nothing was done. Look at the bill again and repeat the operation if it is still needed.</source>
        <translation>Друго работно място променяше същата сметка в същия момент, затова нищо не е направено. Погледнете сметката отново и повторете операцията, ако все още е нужна.</translation>
    </message>
    <message>
        <source>Arrival cannot be before the business date {date}</source>
        <translation>Пристигането не може да е преди работната дата {date}</translation>
    </message>
    <message>
        <source>Ask for between 1 and {limit} results</source>
        <translation>Поискайте от 1 до {limit} резултата</translation>
    </message>
    <message>
        <source>At most {amount} is blocked</source>
        <translation>Блокирани са най-много {amount}</translation>
    </message>
    <message>
        <source>At most {amount} of this payment can be refunded</source>
        <translation>От това плащане могат да се възстановят най-много {amount}</translation>
    </message>
    <message>
        <source>Bill {bill} has nothing to transfer</source>
        <translation>По сметка {bill} няма какво да се прехвърли</translation>
    </message>
    <message>
        <source>Bill {bill} has {paid} paid on it: moving {amount} of services off it would leave it overpaid and the other bill owing. Refund or void its payment first</source>
        <translation>По сметка {bill} са платени {paid}: преместването на услуги за {amount} би я оставило надплатена, а другата сметка — с дълг. Първо възстановете или анулирайте плащането ѝ</translation>
    </message>
    <message>
        <source>Bill {bill} is not on this folio</source>
        <translation>Сметка {bill} не е в това фолио</translation>
    </message>
    <message>
        <source>Bill {bill} of {stay} is paid and the stay checked out: the desk must refund {amount} to the guest, then cancel the check</source>
        <translation>Сметка {bill} на {stay} е платена и гостът е освободил стаята: рецепцията трябва да възстанови {amount} на госта, след това да анулира сметката</translation>
    </message>
    <message>
        <source>Bill {bill} owes only {balance}</source>
        <translation>По сметка {bill} се дължат само {balance}</translation>
    </message>
    <message>
        <source>Bill {bill} owes {owed}: {amount} would leave it overpaid by {overpaid}</source>
        <translation>Сметка {bill} дължи {owed}: с {amount} ще бъде надплатена с {overpaid}</translation>
    </message>
    <message>
        <source>Bill {key} does not exist</source>
        <translation>Сметка {key} не съществува</translation>
    </message>
    <message>
        <source>Business day {date} has not begun yet (today is {today}): it is closed once it has</source>
        <translation>Работният ден {date} още не е започнал (днес е {today}): затваря се, след като започне</translation>
    </message>
    <message>
        <source>Cannot combine {left} with {right}</source>
        <translation>{left} и {right} не могат да се смесват</translation>
    </message>
    <message>
        <source>Charge a check to one guest only</source>
        <translation>Сметката се начислява само на един гост</translation>
    </message>
    <message>
        <source>Check {check_id} was already posted with a different content</source>
        <translation>Сметка {check_id} вече е осчетоводена с друго съдържание</translation>
    </message>
    <message>
        <source>Check {check_id} was never charged to a room by POS {pos_name}</source>
        <translation>Сметка {check_id} никога не е начислявана към стая от POS {pos_name}</translation>
    </message>
    <message>
        <source>Children are exempt under an age from 1 to {limit}</source>
        <translation>Възрастта за освобождаване на деца е от 1 до {limit} години</translation>
    </message>
    <message>
        <source>Choose a room type or a room</source>
        <translation>Изберете тип стая или стая</translation>
    </message>
    <message>
        <source>Choose the bill to pay</source>
        <translation>Изберете сметката за плащане</translation>
    </message>
    <message>
        <source>Choose the card payment to refund</source>
        <translation>Изберете плащането с карта за връщане</translation>
    </message>
    <message>
        <source>Choose the folio to pre-authorise for</source>
        <translation>Изберете фолиото за предварителна авторизация</translation>
    </message>
    <message>
        <source>Choose the pre-authorisation</source>
        <translation>Изберете предварителната авторизация</translation>
    </message>
    <message>
        <source>Choose the services to move</source>
        <translation>Изберете услугите за преместване</translation>
    </message>
    <message>
        <source>Company {key} does not exist</source>
        <translation>Фирма {key} не съществува</translation>
    </message>
    <message>
        <source>Count {currency} {denomination} in whole pieces</source>
        <translation>Бройте {currency} {denomination} в цели бройки</translation>
    </message>
    <message>
        <source>Departure cannot be before the business date {date}</source>
        <translation>Заминаването не може да е преди работната дата {date}</translation>
    </message>
    <message>
        <source>Departure must be after arrival</source>
        <translation>Заминаването трябва да е след пристигането</translation>
    </message>
    <message>
        <source>Deposits are applied in {currency}</source>
        <translation>Депозитите се прилагат в {currency}</translation>
    </message>
    <message>
        <source>Document {number} of register {register} was not signed with the key file {path}: either the file is another register&apos;s or workstation&apos;s, or the document was changed in the database. Nothing was printed; run “desk fiscal verify” and call the manager</source>
        <translation>Документ {number} на каса {register} не е подписан с ключа от файла {path}: или файлът е на друга каса или работно място, или документът е променен в базата данни. Нищо не е отпечатано; изпълнете „desk fiscal verify“ и повикайте мениджъра</translation>
    </message>
    <message>
        <source>Document {number} of {register} is already on another receipt</source>
        <translation>Документ {number} на {register} вече е записан към друга бележка</translation>
    </message>
    <message>
        <source>Enter the Adyen merchant account</source>
        <translation>Въведете търговската сметка в Adyen (merchant account)</translation>
    </message>
    <message>
        <source>Enter the HMAC key of the Adyen webhook, as Adyen shows it (hexadecimal)</source>
        <translation>Въведете HMAC ключа на уебхука на Adyen, както го показва Adyen (шестнадесетичен)</translation>
    </message>
    <message>
        <source>Enter the amount</source>
        <translation>Въведете сумата</translation>
    </message>
    <message>
        <source>Enter the receipt number the terminal printed</source>
        <translation>Въведете номера на бележката, отпечатана от терминала</translation>
    </message>
    <message>
        <source>ErpNet.FP at {address} has no printer “{printer}”: a manager sets the register&apos;s device id to one of its printers</source>
        <translation>ErpNet.FP на {address} няма принтер „{printer}“: мениджър задава за идентификатор на устройството един от неговите принтери</translation>
    </message>
    <message>
        <source>Event {key} does not exist</source>
        <translation>Събитие {key} не съществува</translation>
    </message>
    <message>
        <source>Every line needs an item name</source>
        <translation>Всеки ред трябва да има име на артикул</translation>
    </message>
    <message>
        <source>Fiscal documents can be in {languages}; “{language}” is not one of them</source>
        <translation>Фискалните документи могат да бъдат на {languages}; „{language}“ не е сред тях</translation>
    </message>
    <message>
        <source>Folio {folio} does not exist</source>
        <translation>Фолио {folio} не съществува</translation>
    </message>
    <message>
        <source>Folio {key} does not exist</source>
        <translation>Фолио {key} не съществува</translation>
    </message>
    <message>
        <source>Give the rate per night</source>
        <translation>Посочете цената за нощувка</translation>
    </message>
    <message>
        <source>Guest {guest} does not stay in {stay}</source>
        <translation>Гост {guest} не е настанен по резервация {stay}</translation>
    </message>
    <message>
        <source>Guest {guest} is not known: give their name in guests</source>
        <translation>Гостът {guest} не е известен: посочете името му в колоната guests</translation>
    </message>
    <message>
        <source>Guest {key} does not exist</source>
        <translation>Гост {key} не съществува</translation>
    </message>
    <message>
        <source>Idempotency-Key {key} was already used with a different request</source>
        <translation>Idempotency-Key {key} вече е използван с друга заявка</translation>
    </message>
    <message>
        <source>KKM-server at {address} refused this workstation&apos;s login: set KKMSERVER_LOGIN and KKMSERVER_PASSWORD in the desk&apos;s environment to the login and password of KKM-server&apos;s settings</source>
        <translation>KKM-server на адрес {address} не прие входа от това работно място: задайте KKMSERVER_LOGIN и KKMSERVER_PASSWORD в средата на програмата — потребителското име и паролата от настройките на KKM-server</translation>
    </message>
    <message>
        <source>Move an in-house guest to another room with Move room</source>
        <translation>Настанен гост се премества с „Премести в друга стая“</translation>
    </message>
    <message>
        <source>Names are kept in {languages} only</source>
        <translation>Имената се пазят само на езиците: {languages}</translation>
    </message>
    <message>
        <source>No POS key was sent: send the key this POS was given by the hotel</source>
        <translation>Не е изпратен ключ на POS: изпратете ключа, даден от хотела на този POS</translation>
    </message>
    <message>
        <source>No card operator with its own card page is set up: take the card on the terminal</source>
        <translation>Не е настроен оператор със собствена страница за карти: приемете картата на терминала</translation>
    </message>
    <message>
        <source>No cash drawer is configured on {workstation}</source>
        <translation>На работното място {workstation} няма настроено чекмедже за пари</translation>
    </message>
    <message>
        <source>No cash register is configured</source>
        <translation>Няма настроена каса</translation>
    </message>
    <message>
        <source>No cash shift is open on {workstation}</source>
        <translation>На {workstation} няма отворена касова смяна</translation>
    </message>
    <message>
        <source>No cash shift is open on {workstation}: open one first (Shift → Open shift)</source>
        <translation>На {workstation} няма отворена касова смяна: първо отворете (Смяна → Отваряне на смяна)</translation>
    </message>
    <message>
        <source>No company-account payment method is configured</source>
        <translation>Не е настроен начин на плащане „сметка на фирма“</translation>
    </message>
    <message>
        <source>No mail server named {host} was found: check the host name</source>
        <translation>Не е намерен пощенски сървър {host}: проверете името на сървъра</translation>
    </message>
    <message>
        <source>No payment method of kind deposit is configured</source>
        <translation>Не е настроен начин на плащане „депозит“</translation>
    </message>
    <message>
        <source>No receipt printer is set up on {workstation} for the card slip</source>
        <translation>На {workstation} няма настроен принтер за бележки за слипа от картата</translation>
    </message>
    <message>
        <source>No shift is open on register {register}</source>
        <translation>Няма отворена смяна на каса {register}</translation>
    </message>
    <message>
        <source>No shift is open on register {register}: open the cash shift first (Shift → Open shift)</source>
        <translation>Няма отворена смяна на каса {register}: първо отворете касовата смяна (Смяна → Отваряне на смяна)</translation>
    </message>
    <message>
        <source>No tax rate of {percent}% is set up at the hotel</source>
        <translation>В хотела няма данъчна ставка {percent}%</translation>
    </message>
    <message>
        <source>No {type} room is free from {arrival} to {departure}</source>
        <translation>Няма свободна стая от тип {type} от {arrival} до {departure}</translation>
    </message>
    <message>
        <source>No {type} room is free on the night of {night}</source>
        <translation>Няма свободна стая от тип {type} за нощта на {night}</translation>
    </message>
    <message>
        <source>Nobody stays in room {room_number} now</source>
        <translation>В стая {room_number} в момента няма настанени</translation>
    </message>
    <message>
        <source>Only a confirmed reservation can be a no-show ({reservation})</source>
        <translation>Само потвърдена резервация може да е неявяване ({reservation})</translation>
    </message>
    <message>
        <source>Only a confirmed reservation can be cancelled ({reservation})</source>
        <translation>Може да се анулира само потвърдена резервация ({reservation})</translation>
    </message>
    <message>
        <source>Only a payment made on a card terminal is refunded on it</source>
        <translation>През терминала се връща само плащане, направено през терминал</translation>
    </message>
    <message>
        <source>Only a payment made on the card terminal can be refunded outside the desk</source>
        <translation>Извън касата може да се възстанови само плащане, прието на картовия терминал</translation>
    </message>
    <message>
        <source>Only a payment or a deposit can be refunded</source>
        <translation>Може да се възстанови само плащане или депозит</translation>
    </message>
    <message>
        <source>Only a payment, deposit or refund can be voided</source>
        <translation>Може да се анулира само плащане, депозит или възстановяване</translation>
    </message>
    <message>
        <source>Only a registered register is asked here: a manager sets its kind and its server&apos;s address first; an ESC/POS printer is checked in Devices</source>
        <translation>Тук се проверява само фискален регистър: мениджър първо задава вида му и адреса на сървъра; принтер ESC/POS се проверява в „Устройства“</translation>
    </message>
    <message>
        <source>Only an in-house guest moves rooms ({reservation})</source>
        <translation>Само настанен гост може да смени стаята ({reservation})</translation>
    </message>
    <message>
        <source>Only payments and refunds get a fiscal receipt</source>
        <translation>Фискален бон се издава само за плащания и възстановявания</translation>
    </message>
    <message>
        <source>Only services on this bill can be split off it</source>
        <translation>Могат да се отделят само услуги от тази сметка</translation>
    </message>
    <message>
        <source>Operation {key} is already running</source>
        <translation>Операция {key} вече се изпълнява</translation>
    </message>
    <message>
        <source>Operation {key} is already {state}</source>
        <translation>Операция {key} вече е в състояние „{state}“</translation>
    </message>
    <message>
        <source>Operation {key} is not a card operation</source>
        <translation>Операция {key} не е операция с карта</translation>
    </message>
    <message>
        <source>Operation {key} is not a register&apos;s document</source>
        <translation>Операция {key} не е документ на каса</translation>
    </message>
    <message>
        <source>Operation {key} is on {register}, whose own journal settles it; use Check receipts</source>
        <translation>Операция {key} е на {register}, която се приключва от собствения ѝ журнал; използвайте „Проверка на касовите бележки“</translation>
    </message>
    <message>
        <source>Operation {key} is {value}; it is not sent again</source>
        <translation>Операция {key} е в състояние „{value}“; не се изпраща отново</translation>
    </message>
    <message>
        <source>Outlet {key} does not exist</source>
        <translation>Търговски обект {key} не съществува</translation>
    </message>
    <message>
        <source>Outlet {outlet} has no POS mapping {kind} {pos_code}</source>
        <translation>Обектът {outlet} няма съпоставяне с POS {kind} {pos_code}</translation>
    </message>
    <message>
        <source>POS payment code {code} is not mapped at the hotel: map it to credit or deposit (desk pos code set CODE credit)</source>
        <translation>Кодът на плащане на POS {code} не е настроен в хотела: свържете го с кредит или депозит (desk pos code set CODE credit)</translation>
    </message>
    <message>
        <source>POS service</source>
        <translation>POS услуга</translation>
    </message>
    <message>
        <source>POS {name} already has a key: revoke it first or choose another name</source>
        <translation>POS {name} вече има ключ: първо го отменете или изберете друго име</translation>
    </message>
    <message>
        <source>Paper is 58 or 80 mm wide</source>
        <translation>Хартията е широка 58 или 80 мм</translation>
    </message>
    <message>
        <source>Payment {key} does not exist</source>
        <translation>Плащане {key} не съществува</translation>
    </message>
    <message>
        <source>Payment {payment} does not exist</source>
        <translation>Плащане {payment} не съществува</translation>
    </message>
    <message>
        <source>Payment {payment} has no card slip</source>
        <translation>Плащане {payment} няма слип от карта</translation>
    </message>
    <message>
        <source>Payment {payment} is not a transfer to a company account</source>
        <translation>Плащане {payment} не е прехвърляне към сметка на фирма</translation>
    </message>
    <message>
        <source>Payment {payment} is not on this folio</source>
        <translation>Плащане {payment} не е в това фолио</translation>
    </message>
    <message>
        <source>Payment {payment} moved the bill to the account of {company}: reverse the transfer instead</source>
        <translation>Плащане {payment} прехвърли сметката към сметката на {company}: вместо това отменете прехвърлянето</translation>
    </message>
    <message>
        <source>Payment {payment} was taken on another workstation</source>
        <translation>Плащане {payment} е прието на друго работно място</translation>
    </message>
    <message>
        <source>Receipt {number} may not have printed whole: {error}. Check the printer and press Retry: it is printed again, marked COPY</source>
        <translation>Бон {number} може да не е отпечатан изцяло: {error}. Проверете принтера и натиснете „Повтори“: ще бъде отпечатан отново с надпис КОПИЕ</translation>
    </message>
    <message>
        <source>Receipt {number} was cut short: {error}. Fix the printer and press Retry: it is printed again whole, marked COPY</source>
        <translation>Отпечатването на бон {number} прекъсна: {error}. Отстранете проблема и натиснете „Повтори“: бонът ще бъде отпечатан изцяло с надпис КОПИЕ</translation>
    </message>
    <message>
        <source>Receipt {number} was issued but not printed: {error}. Fix the printer and press Retry</source>
        <translation>Бон {number} е издаден, но не е отпечатан: {error}. Отстранете проблема и натиснете „Повтори“</translation>
    </message>
    <message>
        <source>Receipt {receipt} of this terminal is already on a card operation</source>
        <translation>Бележка {receipt} от този терминал вече е към операция с карта</translation>
    </message>
    <message>
        <source>Refund {refund_id} of check {check_number} was already made of {earlier}, not {amount}</source>
        <translation>Връщане {refund_id} по сметка {check_number} вече е направено за {earlier}, не за {amount}</translation>
    </message>
    <message>
        <source>Register {register} has fiscal documents but its key file {path} is not on this workstation: copy it here from where the register&apos;s documents were signed; nothing was printed</source>
        <translation>Каса {register} има фискални документи, но файлът с ключа ѝ {path} не е на това работно място: копирайте го тук от мястото, където са подписвани документите на касата; нищо не е отпечатано</translation>
    </message>
    <message>
        <source>Register {register} has no document {number}</source>
        <translation>Каса {register} няма документ {number}</translation>
    </message>
    <message>
        <source>Register {register} prints no copy from the desk; receipt {number} is read from the fiscal printer&apos;s electronic journal on the printer itself</source>
        <translation type="vanished">Регистър {register} не печата копие от програмата; бон {number} се чете от електронната контролна лента на самия фискален принтер</translation>
    </message>
    <message>
        <source>Register {register} prints no copy through KKM-server; receipt {number} is found on the register or on the fiscal data operator&apos;s site</source>
        <translation type="vanished">Касов апарат {register} не печата копие през KKM-server; бележка {number} се намира в самия апарат или на сайта на оператора на фискални данни</translation>
    </message>
    <message>
        <source>Register {register} takes receipts in roubles only, not {currency}: a manager sets the hotel&apos;s currency or the register&apos;s kind</source>
        <translation>Касата {register} издава бележки само в рубли, не в {currency}: мениджър задава валутата на хотела или вида на касата</translation>
    </message>
    <message>
        <source>Reservation {key} does not exist</source>
        <translation>Резервация {key} не съществува</translation>
    </message>
    <message>
        <source>Reservation {number} checked out and its deposit is settled: charge the check on credit or settle it at the POS</source>
        <translation>Резервация {number} е освободена и депозитът ѝ е уреден: начислете сметката на кредит или я платете на POS</translation>
    </message>
    <message>
        <source>Reservation {number} checked out: the desk cancels the check</source>
        <translation>Резервация {number} е освободена: рецепцията анулира сметката</translation>
    </message>
    <message>
        <source>Reservation {number} checked out: the hotel refuses checks after check-out, settle the check at the POS</source>
        <translation>Резервация {number} е освободена: хотелът не приема сметки след напускане, платете на POS</translation>
    </message>
    <message>
        <source>Reservation {number} is {status}, not in house</source>
        <translation>Резервация {number} е в състояние „{status}“, гостът не е настанен</translation>
    </message>
    <message>
        <source>Reservation {reservation} arrives on {date}</source>
        <translation>Резервация {reservation} пристига на {date}</translation>
    </message>
    <message>
        <source>Reservation {reservation} can no longer be changed</source>
        <translation>Резервация {reservation} вече не може да се променя</translation>
    </message>
    <message>
        <source>Reservation {reservation} does not exist</source>
        <translation>Резервация {reservation} не съществува</translation>
    </message>
    <message>
        <source>Reservation {reservation} has money on its folio: settle it first</source>
        <translation>Във фолиото на резервация {reservation} има пари: първо уредете сметките</translation>
    </message>
    <message>
        <source>Reservation {reservation} has no folio</source>
        <translation>Резервация {reservation} няма фолио</translation>
    </message>
    <message>
        <source>Reservation {reservation} has no room yet</source>
        <translation>На резервация {reservation} още не е дадена стая</translation>
    </message>
    <message>
        <source>Reservation {reservation} is already checked out</source>
        <translation>Резервация {reservation} вече е напуснала</translation>
    </message>
    <message>
        <source>Reservation {reservation} is already in house</source>
        <translation>Резервация {reservation} вече е настанена</translation>
    </message>
    <message>
        <source>Reservation {reservation} is cancelled, not confirmed</source>
        <translation>Резервация {reservation} е анулирана, не е потвърдена</translation>
    </message>
    <message>
        <source>Reservation {reservation} is cancelled, not in house</source>
        <translation>Резервация {reservation} е анулирана, гостът не е настанен</translation>
    </message>
    <message>
        <source>Reservation {reservation} is cancelled: its bills are closed</source>
        <translation>Резервация {reservation} е анулирана: сметките ѝ са закрити</translation>
    </message>
    <message>
        <source>Reservation {reservation} is checked out, not confirmed</source>
        <translation>Резервация {reservation} е напуснала, не е потвърдена</translation>
    </message>
    <message>
        <source>Reservation {reservation} is checked out: its bills are closed</source>
        <translation>Резервация {reservation} е напуснала: сметките ѝ са закрити</translation>
    </message>
    <message>
        <source>Reservation {reservation} is not checked in yet</source>
        <translation>Резервация {reservation} още не е настанена</translation>
    </message>
    <message>
        <source>Room {room_number} has no guest number {position}</source>
        <translation>В стая {room_number} няма гост с номер {position}</translation>
    </message>
    <message>
        <source>Room {room} has several guests: charge one of them by their code</source>
        <translation>В стая {room} има няколко госта: начислете на един от тях по неговия код</translation>
    </message>
    <message>
        <source>Room {room} is a {type} room</source>
        <translation>Стая {room} е от тип {type}</translation>
    </message>
    <message>
        <source>Room {room} is taken on the night of {night} (reservation {reservation})</source>
        <translation>Стая {room} е заета през нощта на {night} (резервация {reservation})</translation>
    </message>
    <message>
        <source>Sale number {number} is not the one the desk sent for this receipt (it ends in {sequence}): that receipt is another sale&apos;s</source>
        <translation>УНП {number} не е този, който програмата изпрати за тази бележка (той завършва на {sequence}): това е бележка от друга продажба</translation>
    </message>
    <message>
        <source>Say what shows how the operation ended</source>
        <translation>Посочете какво показва как е завършила операцията</translation>
    </message>
    <message>
        <source>Say what the register&apos;s report shows</source>
        <translation>Посочете какво показва отчетът на касата</translation>
    </message>
    <message>
        <source>Say why check-out is allowed with an open balance</source>
        <translation>Посочете защо се разрешава напускане с неплатено салдо</translation>
    </message>
    <message>
        <source>Say why the cash goes in or out</source>
        <translation>Посочете защо се внасят или изнасят пари</translation>
    </message>
    <message>
        <source>Say why the payment is voided</source>
        <translation>Посочете защо плащането се анулира</translation>
    </message>
    <message>
        <source>Say why the reservation is cancelled</source>
        <translation>Посочете защо резервацията се анулира</translation>
    </message>
    <message>
        <source>Say why the service is reversed</source>
        <translation>Посочете защо услугата се сторнира</translation>
    </message>
    <message>
        <source>Say why the transfer is reversed</source>
        <translation>Посочете защо прехвърлянето се отменя</translation>
    </message>
    <message>
        <source>Security is one of: {values}</source>
        <translation>Защитата е една от: {values}</translation>
    </message>
    <message>
        <source>Service {key} does not exist</source>
        <translation>Услуга {key} не съществува</translation>
    </message>
    <message>
        <source>Service {posting} does not exist</source>
        <translation>Услуга {posting} не съществува</translation>
    </message>
    <message>
        <source>Service {posting} is not on this folio</source>
        <translation>Услуга {posting} не е в това фолио</translation>
    </message>
    <message>
        <source>Services are charged in {base}, not {currency}</source>
        <translation>Услугите се начисляват в {base}, а не в {currency}</translation>
    </message>
    <message>
        <source>Settle every bill and the deposit before check-out (bills {bills}; deposit {deposit})</source>
        <translation>Преди напускане уредете всички сметки и депозита (сметки {bills}; депозит {deposit})</translation>
    </message>
    <message>
        <source>Settle every bill before check-out (bills {bills})</source>
        <translation>Преди напускане уредете всички сметки (сметки {bills})</translation>
    </message>
    <message>
        <source>Settle the deposit before check-out ({deposit})</source>
        <translation>Преди напускане уредете депозита ({deposit})</translation>
    </message>
    <message>
        <source>Shift {number} is still open on {workstation}: close it first</source>
        <translation>Смяна {number} на {workstation} е още отворена: първо я затворете</translation>
    </message>
    <message>
        <source>Shift {number} was opened more than 24 hours ago: close it (Z report) and open a new one before taking cash</source>
        <translation>Смяна {number} е отворена преди повече от 24 часа: затворете я (Z отчет) и отворете нова, преди да приемате пари в брой</translation>
    </message>
    <message>
        <source>Shift {shift_id} does not exist</source>
        <translation>Смяна {shift_id} не съществува</translation>
    </message>
    <message>
        <source>Shift {shift_id} is not closed</source>
        <translation>Смяна {shift_id} не е затворена</translation>
    </message>
    <message>
        <source>Shift {shift} of register {register} was opened more than 24 hours ago: close it (Z report) before the next sale</source>
        <translation>Смяна {shift} на каса {register} е отворена преди повече от 24 часа: затворете я (Z отчет) преди следващата продажба</translation>
    </message>
    <message>
        <source>Tax rate {key} does not exist</source>
        <translation>Данъчна ставка {key} не съществува</translation>
    </message>
    <message>
        <source>The TLS handshake with {host}:{port} failed ({reason}): check the security setting and the port</source>
        <translation>Връзката TLS с {host}:{port} не се установи ({reason}): проверете защитата и порта</translation>
    </message>
    <message>
        <source>The amount must be more than zero (got {amount})</source>
        <translation>Сумата трябва да е по-голяма от нула (въведено {amount})</translation>
    </message>
    <message>
        <source>The anchor of document {number} could not be written to {path} ({reason}): fix the anchor folder and print the report again</source>
        <translation>Контролната точка на документ {number} не можа да се запише в {path} ({reason}): оправете папката на контролните точки и отпечатайте отчета отново</translation>
    </message>
    <message>
        <source>The card operation is recorded, but its slip did not print on {printer}: {problem}. Fix the printer, then use Print card slip on the payment</source>
        <translation>Операцията с картата е записана, но слипът ѝ не се отпечата на {printer}: {problem}. Оправете принтера и изберете „Печат на слип“ при плащането</translation>
    </message>
    <message>
        <source>The card operation is recorded, but its slip did not print on {printer}: {problem}. Fix the printer, then use Print card slip on the pre-authorisation</source>
        <translation>Операцията с картата е записана, но слипът ѝ не се отпечата на {printer}: {problem}. Оправете принтера и изберете „Печат на слип“ при предварителната авторизация</translation>
    </message>
    <message>
        <source>The certificate of {host} is not trusted ({reason}): set the hotel&apos;s CA certificate or check the host name</source>
        <translation>Сертификатът на {host} не е доверен ({reason}): задайте сертификата на удостоверяващия орган (CA) на хотела или проверете името на сървъра</translation>
    </message>
    <message>
        <source>The check number is too long: at most {limit} characters</source>
        <translation>Номерът на бележката е твърде дълъг: най-много {limit} знака</translation>
    </message>
    <message>
        <source>The check&apos;s composition (INPBUF CHECK) is missing: turn on XML for this interface</source>
        <translation>Липсва съдържанието на сметката (INPBUF CHECK): включете XML за този интерфейс</translation>
    </message>
    <message>
        <source>The connection to the database was lost. If you were saving something, look at the bill before doing it again: it may have been saved.</source>
        <translation>Връзката с базата данни е загубена. Ако сте записвали нещо, проверете сметката, преди да го повторите: възможно е вече да е записано.</translation>
    </message>
    <message>
        <source>The database cannot be written to (no permission, or read-only). Tell the administrator.</source>
        <translation>В базата данни не може да се записва (няма права или е само за четене). Уведомете администратора.</translation>
    </message>
    <message>
        <source>The database has no room left on its disk: nothing more can be saved. Tell the administrator to free space.</source>
        <translation>На диска на базата данни няма място: нищо повече не може да се запише. Помолете администратора да освободи място.</translation>
    </message>
    <message>
        <source>The database is damaged. Stop working at this desk and tell the administrator: it must be checked and restored from a backup.</source>
        <translation>Базата данни е повредена. Спрете работа на това място и уведомете администратора: трябва да се провери и възстанови от резервно копие.</translation>
    </message>
    <message>
        <source>The database refused the operation. If you were saving something, look at the bill before doing it again; if it happens again, tell the administrator.</source>
        <translation>Базата данни отказа операцията. Ако сте записвали нещо, проверете сметката, преди да го повторите; ако се случи отново, уведомете администратора.</translation>
    </message>
    <message>
        <source>The deposit holds only {balance}</source>
        <translation>В депозита има само {balance}</translation>
    </message>
    <message>
        <source>The deposit of {number} holds only {held}: charge the check on credit instead</source>
        <translation>В депозита на {number} има само {held}: начислете сметката на кредит</translation>
    </message>
    <message>
        <source>The deposit was already used: refund or move it first</source>
        <translation>Депозитът вече е използван: първо го възстановете или преместете</translation>
    </message>
    <message>
        <source>The description is too long: at most {limit} characters</source>
        <translation>Описанието е твърде дълго: най-много {limit} знака</translation>
    </message>
    <message>
        <source>The discount {discount} is more than the lines ({lines})</source>
        <translation>Отстъпката {discount} е повече от сумата на редовете ({lines})</translation>
    </message>
    <message>
        <source>The drawer should hold only {held}</source>
        <translation>В чекмеджето трябва да има само {held}</translation>
    </message>
    <message>
        <source>The drawer was already opened for payment {payment}</source>
        <translation>Чекмеджето вече е отваряно за плащане {payment}</translation>
    </message>
    <message>
        <source>The e-mail was not sent: cancelled</source>
        <translation>Писмото не е изпратено: отказано</translation>
    </message>
    <message>
        <source>The file {path} is not a key for saved passwords: move it away and save again</source>
        <translation>Файлът {path} не е ключ за запазени пароли: преместете го и запазете отново</translation>
    </message>
    <message>
        <source>The file {path} is not a mail key: move it away and save the password again</source>
        <translation>Файлът {path} не е ключ за пощата: преместете го и запишете паролата отново</translation>
    </message>
    <message>
        <source>The file {path} is not the signing key of register {register}: put the register&apos;s key file there; nothing was printed</source>
        <translation>Файлът {path} не е ключът за подписване на каса {register}: поставете там файла с ключа на касата; нищо не е отпечатано</translation>
    </message>
    <message>
        <source>The guest has arrived: the arrival cannot change</source>
        <translation>Гостът е пристигнал: датата на пристигане не може да се промени</translation>
    </message>
    <message>
        <source>The guest is already in room {room}</source>
        <translation>Гостът вече е в стая {room}</translation>
    </message>
    <message>
        <source>The hotel charges in {currency}</source>
        <translation>Хотелът таксува в {currency}</translation>
    </message>
    <message>
        <source>The hotel charges in {currency}, not {other}</source>
        <translation>Хотелът таксува в {currency}, а не в {other}</translation>
    </message>
    <message>
        <source>The hotel does not accept {currency}</source>
        <translation>Хотелът не приема {currency}</translation>
    </message>
    <message>
        <source>The hotel does not take cash in {currency}</source>
        <translation>Хотелът не приема пари в брой в {currency}</translation>
    </message>
    <message>
        <source>The hotel has no card payment method</source>
        <translation>Хотелът няма начин на плащане с карта</translation>
    </message>
    <message>
        <source>The hotel has no outlet set up</source>
        <translation>В хотела няма настроен търговски обект</translation>
    </message>
    <message>
        <source>The hotel is not set up</source>
        <translation>Хотелът не е настроен</translation>
    </message>
    <message>
        <source>The journal&apos;s request must be plain JSON: {exc}</source>
        <translation>Заявката в дневника трябва да е обикновен JSON: {exc}</translation>
    </message>
    <message>
        <source>The journal&apos;s {where} may not hold a full card number</source>
        <translation>Дневникът ({where}) не може да съдържа пълен номер на карта</translation>
    </message>
    <message>
        <source>The journal&apos;s {where} may not hold {key}</source>
        <translation>Дневникът ({where}) не може да съдържа {key}</translation>
    </message>
    <message>
        <source>The key file {path} cannot be written ({reason})</source>
        <translation>Файлът с ключ {path} не може да се запише ({reason})</translation>
    </message>
    <message>
        <source>The key file {path} of register {register} cannot be read ({reason}); nothing was printed</source>
        <translation>Файлът с ключа {path} на каса {register} не може да се прочете ({reason}); нищо не е отпечатано</translation>
    </message>
    <message>
        <source>The key in {path} is not the one the mail password was saved with: copy the right key file here, or type the password again</source>
        <translation>Ключът в {path} не е този, с който е записана паролата за поща: копирайте тук правилния файл с ключ или въведете паролата отново</translation>
    </message>
    <message>
        <source>The key in {path} is not the one the password of terminal {name} was saved with: copy the right key file here, or set the terminal up again</source>
        <translation>Ключът в {path} не е този, с който е запазена паролата на терминал {name}: копирайте тук правилния файл с ключ или настройте терминала отново</translation>
    </message>
    <message>
        <source>The key of POS {name} was revoked: ask the hotel&apos;s administrator for a new one</source>
        <translation>Ключът на POS {name} е отменен: поискайте нов от администратора на хотела</translation>
    </message>
    <message>
        <source>The key {key} is already used by another operation</source>
        <translation>Ключът {key} вече е зает от друга операция</translation>
    </message>
    <message>
        <source>The lines ({lines}) and the tip ({tip}) make {sum}, not the total {total}</source>
        <translation type="vanished">Редовете ({lines}) и бакшишът ({tip}) дават {sum}, а не общо {total}</translation>
    </message>
    <message>
        <source>The lines and the tip ({tip}) do not add up to the total {total}</source>
        <translation type="vanished">Редовете и бакшишът ({tip}) не дават общата сума {total}</translation>
    </message>
    <message>
        <source>The mail server answered {code} {reply}</source>
        <translation>Пощенският сървър отговори: {code} {reply}</translation>
    </message>
    <message>
        <source>The mail server refused the login {user}: check the user and the password</source>
        <translation>Пощенският сървър не прие входа на {user}: проверете потребителя и паролата</translation>
    </message>
    <message>
        <source>The mail server refused the recipient {address} ({code} {reply})</source>
        <translation>Пощенският сървър отказа получателя {address} ({code} {reply})</translation>
    </message>
    <message>
        <source>The mail server refused the sender {address} ({code} {reply})</source>
        <translation>Пощенският сървър отказа подателя {address} ({code} {reply})</translation>
    </message>
    <message>
        <source>The mail server {host} does not accept a login on this connection: choose STARTTLS or TLS, or clear the user</source>
        <translation>Пощенският сървър {host} не приема вход по тази връзка: изберете STARTTLS или TLS или изчистете потребителя</translation>
    </message>
    <message>
        <source>The mail server {host} does not offer STARTTLS: choose TLS or another port</source>
        <translation>Пощенският сървър {host} не предлага STARTTLS: изберете TLS или друг порт</translation>
    </message>
    <message>
        <source>The mail server {host}:{port} cannot be reached ({reason})</source>
        <translation>Пощенският сървър {host}:{port} е недостъпен ({reason})</translation>
    </message>
    <message>
        <source>The mail server {host}:{port} closed the connection: check the security setting and the port</source>
        <translation>Пощенският сървър {host}:{port} затвори връзката: проверете защитата и порта</translation>
    </message>
    <message>
        <source>The mail server {host}:{port} did not answer in time</source>
        <translation>Пощенският сървър {host}:{port} не отговори навреме</translation>
    </message>
    <message>
        <source>The mail server {host}:{port} refused the connection: check the host and the port</source>
        <translation>Пощенският сървър {host}:{port} отказа връзка: проверете сървъра и порта</translation>
    </message>
    <message>
        <source>The mail was not sent ({reason})</source>
        <translation>Писмото не е изпратено ({reason})</translation>
    </message>
    <message>
        <source>The merchant account {account} is set up already</source>
        <translation>Търговската сметка {account} вече е настроена</translation>
    </message>
    <message>
        <source>The nightly rate cannot be negative</source>
        <translation>Цената за нощувка не може да е отрицателна</translation>
    </message>
    <message>
        <source>The order&apos;s items do not add up to its amount</source>
        <translation>Артикулите на поръчката не дават сумата ѝ</translation>
    </message>
    <message>
        <source>The payer&apos;s name is too long: at most {limit} characters</source>
        <translation>Името на платеца е твърде дълго: най-много {limit} знака</translation>
    </message>
    <message>
        <source>The printer of {register} is not ready: {problem}</source>
        <translation>Принтерът на каса {register} не е готов: {problem}</translation>
    </message>
    <message>
        <source>The printer of {register} is not set up: {problem}</source>
        <translation>Принтерът на каса {register} не е настроен: {problem}</translation>
    </message>
    <message>
        <source>The quantity must be less than {limit} (got {value})</source>
        <translation>Количеството трябва да е по-малко от {limit} (получено {value})</translation>
    </message>
    <message>
        <source>The quantity must be positive with at most 3 decimals (got {value})</source>
        <translation>Количеството трябва да е положително, с най-много 3 знака след запетаята (въведено {value})</translation>
    </message>
    <message>
        <source>The rack shows between 1 and {limit} days</source>
        <translation>Шахматката показва от 1 до {limit} дни</translation>
    </message>
    <message>
        <source>The rate per night is in {currency}</source>
        <translation>Цената за нощувка е в {currency}</translation>
    </message>
    <message>
        <source>The reason is too long (at most {limit} characters)</source>
        <translation>Причината е твърде дълга (най-много {limit} знака)</translation>
    </message>
    <message>
        <source>The reason is too long: at most {limit} characters</source>
        <translation>Причината е твърде дълга: най-много {limit} знака</translation>
    </message>
    <message>
        <source>The receipt must show {amount}, the amount the terminal was asked for</source>
        <translation>Бележката трябва да показва {amount} — сумата, поискана от терминала</translation>
    </message>
    <message>
        <source>The receipt of this payment is still unanswered by register {register}: look at its last receipt on the register, then use Shift → Check receipts; it is not issued again before</source>
        <translation>Касов апарат {register} още не е отговорил за бележката на това плащане: вижте последната му бележка, после използвайте „Смяна → Проверка на касовите бележки“; дотогава тя не се издава отново</translation>
    </message>
    <message>
        <source>The receipt&apos;s journal entry is missing: nothing was sent to the register</source>
        <translation type="vanished">Липсва записът на бона в журнала: нищо не е изпратено към регистъра</translation>
    </message>
    <message>
        <source>The reference is too long: at most {limit} characters</source>
        <translation>Референцията е твърде дълга: най-много {limit} знака</translation>
    </message>
    <message>
        <source>The register gave no clear answer. The receipt will be checked with the register at the next start, or use Shift → Check receipts now; do not print it again by hand</source>
        <translation>Касата не даде ясен отговор. Бонът ще бъде проверен с касата при следващото стартиране, или изберете Смяна → Проверка на касовите бележки сега; не го отпечатвайте отново ръчно</translation>
    </message>
    <message>
        <source>The rights of {user} have changed: sign in again</source>
        <translation>Правата на {user} са променени: влезте отново</translation>
    </message>
    <message>
        <source>The search text is too long (at most {limit} characters)</source>
        <translation>Текстът за търсене е твърде дълъг (най-много {limit} знака)</translation>
    </message>
    <message>
        <source>The terminal cannot take {currency}</source>
        <translation>Терминалът не приема {currency}</translation>
    </message>
    <message>
        <source>The text is too long: at most {limit} characters</source>
        <translation>Текстът е твърде дълъг: най-много {limit} знака</translation>
    </message>
    <message>
        <source>The {what} in {currency} is given twice</source>
        <translation>{what} в {currency} е посочен два пъти</translation>
    </message>
    <message>
        <source>There is already a room type {type}</source>
        <translation>Вече има тип стая {type}</translation>
    </message>
    <message>
        <source>There is already a room {room}</source>
        <translation>Вече има стая {room}</translation>
    </message>
    <message>
        <source>There is no POS named {name}</source>
        <translation>Няма POS с име {name}</translation>
    </message>
    <message>
        <source>There is no POS setting {name}</source>
        <translation>Няма настройка на POS {name}</translation>
    </message>
    <message>
        <source>There is no card terminal {terminal}</source>
        <translation>Няма картов терминал {terminal}</translation>
    </message>
    <message>
        <source>There is no cash register “{register}”</source>
        <translation>Няма касов апарат „{register}“</translation>
    </message>
    <message>
        <source>There is no fiscal document {document}</source>
        <translation>Няма фискален документ {document}</translation>
    </message>
    <message>
        <source>There is no journal intent {intent_id}</source>
        <translation>Няма запис в дневника {intent_id}</translation>
    </message>
    <message>
        <source>There is no outlet {outlet}</source>
        <translation>Няма търговски обект {outlet}</translation>
    </message>
    <message>
        <source>There is no outlet {outlet} at the hotel</source>
        <translation>В хотела няма търговски обект {outlet}</translation>
    </message>
    <message>
        <source>There is no payment method “{method}”</source>
        <translation>Няма начин на плащане „{method}“</translation>
    </message>
    <message>
        <source>There is no pre-authorisation {hold}</source>
        <translation>Няма предварителна авторизация {hold}</translation>
    </message>
    <message>
        <source>There is no printer profile “{profile}”</source>
        <translation>Няма профил на принтер „{profile}“</translation>
    </message>
    <message>
        <source>There is no room type {type}</source>
        <translation>Няма тип стая {type}</translation>
    </message>
    <message>
        <source>There is no room {card} and no guest code {card}</source>
        <translation>Няма нито стая {card}, нито код на гост {card}</translation>
    </message>
    <message>
        <source>There is no room {room_number} in the hotel</source>
        <translation>В хотела няма стая {room_number}</translation>
    </message>
    <message>
        <source>There is no room {room}</source>
        <translation>Няма стая {room}</translation>
    </message>
    <message>
        <source>There is no service {service}</source>
        <translation>Няма услуга {service}</translation>
    </message>
    <message>
        <source>There is no stay {stay}</source>
        <translation>Няма резервация {stay}</translation>
    </message>
    <message>
        <source>There is no user {username}</source>
        <translation>Няма потребител {username}</translation>
    </message>
    <message>
        <source>This Apply was already recorded, as {amount}: close the window and look at the bill before you record more</source>
        <translation>Това действие вече е записано, за {amount}: затворете прозореца и проверете сметката, преди да запишете още</translation>
    </message>
    <message>
        <source>This action was already recorded for another payment</source>
        <translation>Това действие вече е записано за друго плащане</translation>
    </message>
    <message>
        <source>This card operation has no slip to print</source>
        <translation>Тази операция с карта няма слип за печат</translation>
    </message>
    <message>
        <source>This card payment was already refunded: it is refunded once</source>
        <translation>Това плащане с карта вече е възстановено: възстановява се веднъж</translation>
    </message>
    <message>
        <source>This is not a CA certificate in PEM form (-----BEGIN CERTIFICATE-----)</source>
        <translation>Това не е сертификат на CA във формат PEM (-----BEGIN CERTIFICATE-----)</translation>
    </message>
    <message>
        <source>This payment is already voided</source>
        <translation>Това плащане вече е анулирано</translation>
    </message>
    <message>
        <source>This payment is refunded in {currency}</source>
        <translation>Това плащане се възстановява в {currency}</translation>
    </message>
    <message>
        <source>This payment was already recorded on another bill</source>
        <translation>Това плащане вече е записано по друга сметка</translation>
    </message>
    <message>
        <source>This pre-authorisation has expired: the bank released it</source>
        <translation>Тази предварителна авторизация е изтекла: банката я освободи</translation>
    </message>
    <message>
        <source>This pre-authorisation is in {currency}</source>
        <translation>Тази предварителна авторизация е в {currency}</translation>
    </message>
    <message>
        <source>This pre-authorisation is {state}: it is used once</source>
        <translation type="vanished">Тази предварителна авторизация вече е {state}: използва се веднъж</translation>
    </message>
    <message>
        <source>This transfer was already reversed</source>
        <translation>Това прехвърляне вече е отменено</translation>
    </message>
    <message>
        <source>This transfer was recorded before its two halves were linked: reverse the company&apos;s charge and this payment by hand</source>
        <translation>Това прехвърляне е записано преди двете му части да се свързват: отменете начислението на фирмата и това плащане ръчно</translation>
    </message>
    <message>
        <source>This was already done on the card terminal</source>
        <translation type="vanished">Това вече е направено на картовия терминал</translation>
    </message>
    <message>
        <source>This workstation has no key for the password of terminal {name}: copy {path} here from the computer where it was saved, or set the terminal up again</source>
        <translation>Това работно място няма ключ за паролата на терминал {name}: копирайте тук {path} от компютъра, на който е запазена, или настройте терминала отново</translation>
    </message>
    <message>
        <source>This workstation has no key for the saved mail password: copy {path} here from the workstation where it was saved, or type the password again</source>
        <translation>Това работно място няма ключ за записаната парола за поща: копирайте {path} от работното място, където е записана, или въведете паролата отново</translation>
    </message>
    <message>
        <source>Too many failed attempts: {user} cannot sign in until {time}</source>
        <translation>Твърде много неуспешни опити: {user} не може да влезе до {time}</translation>
    </message>
    <message>
        <source>Type the password: the saved one is sent only to the saved server and user</source>
        <translation>Въведете паролата: запазената се изпраща само към запазения сървър и за запазения потребител</translation>
    </message>
    <message>
        <source>Unknown POS key: ask the hotel&apos;s administrator for a key</source>
        <translation>Непознат ключ на POS: поискайте ключ от администратора на хотела</translation>
    </message>
    <message>
        <source>Unknown currency “{currency}”</source>
        <translation>Непозната валута „{currency}“</translation>
    </message>
    <message>
        <source>Use settle() or close() for {value}</source>
        <translation>За {value} използвайте settle() или close()</translation>
    </message>
    <message>
        <source>Void its refunds first</source>
        <translation>Първо анулирайте възстановяванията по него</translation>
    </message>
    <message>
        <source>Wrong user name or password</source>
        <translation>Грешно потребителско име или парола</translation>
    </message>
    <message>
        <source>add a guest</source>
        <translation>добави гост</translation>
    </message>
    <message>
        <source>ask for a receipt</source>
        <translation>поиска касова бележка</translation>
    </message>
    <message>
        <source>cancel a reservation</source>
        <translation>анулира резервация</translation>
    </message>
    <message>
        <source>cashier</source>
        <translation>касиер</translation>
    </message>
    <message>
        <source>change a reservation</source>
        <translation>променя резервация</translation>
    </message>
    <message>
        <source>change the rate per night</source>
        <translation>променя цената за нощувка</translation>
    </message>
    <message>
        <source>check a guest in</source>
        <translation>настани гост</translation>
    </message>
    <message>
        <source>check a guest out</source>
        <translation>освободи гост</translation>
    </message>
    <message>
        <source>check out with a balance open</source>
        <translation>освободи гост с непогасен остатък</translation>
    </message>
    <message>
        <source>clerk</source>
        <translation>администратор</translation>
    </message>
    <message>
        <source>create a reservation</source>
        <translation>създаде резервация</translation>
    </message>
    <message>
        <source>date a payment other than today</source>
        <translation>датира плащане с дата различна от днешната</translation>
    </message>
    <message>
        <source>manage POS keys and settings</source>
        <translation>управлява ключовете и настройките на POS</translation>
    </message>
    <message>
        <source>manage rooms and room types</source>
        <translation>управлява стаите и типовете стаи</translation>
    </message>
    <message>
        <source>manage users</source>
        <translation>управлява потребителите</translation>
    </message>
    <message>
        <source>manager</source>
        <translation>мениджър</translation>
    </message>
    <message>
        <source>mark a no-show</source>
        <translation>отбелязва неявяване</translation>
    </message>
    <message>
        <source>mark a room clean or dirty</source>
        <translation>отбелязва стая като почистена или мръсна</translation>
    </message>
    <message>
        <source>move a guest to another room</source>
        <translation>премества гост в друга стая</translation>
    </message>
    <message>
        <source>move services between bills</source>
        <translation>премества услуги между сметки</translation>
    </message>
    <message>
        <source>open a bill</source>
        <translation>отвори сметка</translation>
    </message>
    <message>
        <source>open an account</source>
        <translation>отвори партида</translation>
    </message>
    <message>
        <source>open the cash drawer</source>
        <translation>отвори касовото чекмедже</translation>
    </message>
    <message>
        <source>operate the desk&apos;s devices</source>
        <translation>работи с устройствата на рецепцията</translation>
    </message>
    <message>
        <source>pay a bill from the deposit</source>
        <translation>плати сметка от депозита</translation>
    </message>
    <message>
        <source>post a charge</source>
        <translation>начисли услуга</translation>
    </message>
    <message>
        <source>post a service</source>
        <translation>добави услуга</translation>
    </message>
    <message>
        <source>post the night&apos;s room charge</source>
        <translation>начисли нощувката</translation>
    </message>
    <message>
        <source>printing was cancelled</source>
        <translation>печатът е отменен</translation>
    </message>
    <message>
        <source>read reports</source>
        <translation>чете отчети</translation>
    </message>
    <message>
        <source>refund a payment</source>
        <translation>възстанови плащане</translation>
    </message>
    <message>
        <source>release a pre-authorisation</source>
        <translation>освобождава предварителна авторизация</translation>
    </message>
    <message>
        <source>reverse a charge</source>
        <translation>сторнира начисление</translation>
    </message>
    <message>
        <source>reverse a transfer to a company</source>
        <translation>отменя прехвърляне към фирма</translation>
    </message>
    <message>
        <source>run the cash shift</source>
        <translation>води касовата смяна</translation>
    </message>
    <message>
        <source>set up devices</source>
        <translation>настройва устройства</translation>
    </message>
    <message>
        <source>settle a card operation by hand</source>
        <translation>урежда ръчно операция с карта</translation>
    </message>
    <message>
        <source>split a bill</source>
        <translation>раздели сметка</translation>
    </message>
    <message>
        <source>take a deposit</source>
        <translation>приеме депозит</translation>
    </message>
    <message>
        <source>take a payment</source>
        <translation>приеме плащане</translation>
    </message>
    <message>
        <source>take more than the bill owes</source>
        <translation>приеме повече от дължимото</translation>
    </message>
    <message>
        <source>the fiscal printer has had no Z report for 24 hours: close the cash shift (Z report) and open a new one</source>
        <translation>фискалният принтер е без Z отчет от 24 часа: затворете касовата смяна (Z отчет) и отворете нова</translation>
    </message>
    <message>
        <source>the fiscal printer has not reached the revenue agency (NRA) for three days: check its SIM card and mobile signal; receipts resume once its data are sent</source>
        <translation>фискалният принтер няма връзка с НАП от три дни: проверете SIM картата и мобилния сигнал; боновете продължават, щом данните бъдат изпратени</translation>
    </message>
    <message>
        <source>the fiscal printer is out of paper: load a paper roll and try again</source>
        <translation>фискалният принтер няма хартия: заредете ролка и опитайте отново</translation>
    </message>
    <message>
        <source>the fiscal printer refused a tax group: a manager checks the register&apos;s VAT codes</source>
        <translation>фискалният принтер отказа данъчна група: мениджър проверява данъчните кодове на регистъра</translation>
    </message>
    <message>
        <source>the fiscal printer refused an item of the receipt: a manager checks the item&apos;s name and price</source>
        <translation>фискалният принтер отказа артикул от бона: мениджър проверява името и цената му</translation>
    </message>
    <message>
        <source>the fiscal printer refused the payment: check the receipt&apos;s payment and try again</source>
        <translation>фискалният принтер отказа плащането: проверете плащането по бона и опитайте отново</translation>
    </message>
    <message>
        <source>the fiscal printer&apos;s cover is open: close it and try again</source>
        <translation>капакът на фискалния принтер е отворен: затворете го и опитайте отново</translation>
    </message>
    <message>
        <source>the fiscal printer&apos;s electronic journal is full: call its service centre</source>
        <translation>електронната контролна лента на фискалния принтер е пълна: обадете се на сервиза</translation>
    </message>
    <message>
        <source>the fiscal printer&apos;s fiscal memory is full: call its service centre; no receipt can be issued on it until then</source>
        <translation>фискалната памет на принтера е пълна: обадете се на сервиза; дотогава на него не се издават бонове</translation>
    </message>
    <message>
        <source>the fiscal printer&apos;s printing unit reports a fault: switch it off and on, then try again</source>
        <translation>печатащият механизъм на фискалния принтер съобщава за грешка: изключете го и го включете, после опитайте отново</translation>
    </message>
    <message>
        <source>the key file {path} is not the key the anchor of {date} was signed with (key {anchored}, here {here}): the chain was signed again with another key</source>
        <translation>файлът с ключа {path} не е ключът, с който е подписана котвата от {date} (ключ {anchored}, тук {here}): веригата е подписана наново с друг ключ</translation>
    </message>
    <message>
        <source>the printer did not answer in time; check that it is on and connected</source>
        <translation>принтерът не отговори навреме; проверете дали е включен и свързан</translation>
    </message>
    <message>
        <source>the printer did not say what went wrong; check it</source>
        <translation>принтерът не съобщи какво се е случило; проверете го</translation>
    </message>
    <message>
        <source>the printer is offline or switched off; switch it on and check its cable</source>
        <translation>принтерът е офлайн или изключен; включете го и проверете кабела</translation>
    </message>
    <message>
        <source>the printer is out of paper; load paper</source>
        <translation>в принтера няма хартия; заредете хартия</translation>
    </message>
    <message>
        <source>the printer is used by another program</source>
        <translation>принтерът се използва от друга програма</translation>
    </message>
    <message>
        <source>the printer reports an error; open and close its cover, or switch it off and on</source>
        <translation>принтерът съобщава за грешка; отворете и затворете капака или го изключете и включете</translation>
    </message>
    <message>
        <source>the printer was not found; check the register&apos;s connection</source>
        <translation>принтерът не е намерен; проверете връзката на касата</translation>
    </message>
    <message>
        <source>the printer was unplugged; plug it back in</source>
        <translation>принтерът е изключен от кабела; свържете го отново</translation>
    </message>
    <message>
        <source>the printer&apos;s cover is open; close it</source>
        <translation>капакът на принтера е отворен; затворете го</translation>
    </message>
    <message>
        <source>the register&apos;s key file {path} is not here</source>
        <translation>файлът с ключа на касата {path} не е тук</translation>
    </message>
    <message>
        <source>the start</source>
        <translation>началото</translation>
    </message>
    <message>
        <source>transfer a bill to a company</source>
        <translation>прехвърли сметка към фирма</translation>
    </message>
    <message>
        <source>void a charge</source>
        <translation>анулира начисление</translation>
    </message>
    <message>
        <source>void a payment</source>
        <translation>анулира плащане</translation>
    </message>
    <message>
        <source>{amount} has more decimals than {currency} allows ({digits})</source>
        <translation>{amount} има повече знаци след запетаята, отколкото позволява {currency} ({digits})</translation>
    </message>
    <message>
        <source>{amount} is too large an amount (at most {digits} digits before the point)</source>
        <translation>{amount} е твърде голяма сума (най-много {digits} цифри преди десетичната запетая)</translation>
    </message>
    <message>
        <source>{amount} is worth less than the smallest {currency} amount ({base_amount}): take a larger amount</source>
        <translation>{amount} струва по-малко от най-малката сума в {currency} ({base_amount}): приемете по-голяма сума</translation>
    </message>
    <message>
        <source>{card} is neither a room number nor a guest code</source>
        <translation>{card} не е нито номер на стая, нито код на гост</translation>
    </message>
    <message>
        <source>{company} already paid {amount} towards this transfer: refund the company first</source>
        <translation>{company} вече плати {amount} по това прехвърляне: първо възстановете сумата на фирмата</translation>
    </message>
    <message>
        <source>{company} would owe {owed}, over its credit limit of {limit}</source>
        <translation>{company} би дължала {owed}, над кредитния си лимит от {limit}</translation>
    </message>
    <message>
        <source>{denomination} is not a {currency} note or coin</source>
        <translation>{denomination} не е банкнота или монета в {currency}</translation>
    </message>
    <message>
        <source>{device} did not answer as expected: {detail}</source>
        <translation>{device} не отговори както се очакваше: {detail}</translation>
    </message>
    <message>
        <source>{email} is not an e-mail address</source>
        <translation>{email} не е имейл адрес</translation>
    </message>
    <message>
        <source>{item}: quantity must be positive and price not negative</source>
        <translation type="vanished">{item}: количеството трябва да е положително, а цената — не отрицателна</translation>
    </message>
    <message>
        <source>{kind} is not a card operation</source>
        <translation type="vanished">{kind} не е операция с карта</translation>
    </message>
    <message>
        <source>{kind} is not a receipt</source>
        <translation>{kind} не е бон</translation>
    </message>
    <message>
        <source>{kind} is not a shift document</source>
        <translation>{kind} не е документ на смяната</translation>
    </message>
    <message>
        <source>{method} is not taken at the desk this way</source>
        <translation>{method} не се приема така на рецепцията</translation>
    </message>
    <message>
        <source>{method} payments get no fiscal receipt</source>
        <translation>За плащане „{method}“ не се издава фискален бон</translation>
    </message>
    <message>
        <source>{missing} removed (between the entry of {before} and entry {entry} of {when})</source>
        <translation>премахнато: {missing} (между записа от {before} и запис {entry} от {when})</translation>
    </message>
    <message>
        <source>{missing} removed, between {before} and {row}: a posting or payment was taken out of the chain</source>
        <translation>премахнато: {missing}, между „{before}“ и „{row}“: начисление или плащане е извадено от веригата</translation>
    </message>
    <message>
        <source>{name} is one of: {values}</source>
        <translation>{name} е едно от: {values}</translation>
    </message>
    <message>
        <source>{night} is not a night of reservation {reservation}</source>
        <translation>{night} не е нощувка от резервация {reservation}</translation>
    </message>
    <message>
        <source>{operator} cannot save a card from a reader here</source>
        <translation>{operator} не може да запази карта от четец тук</translation>
    </message>
    <message>
        <source>{operator} has no card page of its own here: take the card on the terminal</source>
        <translation>{operator} няма собствена страница за карти тук: приемете картата на терминала</translation>
    </message>
    <message>
        <source>{path} cannot be read as a PEM certificate file</source>
        <translation>Файлът {path} не може да се прочете като сертификат PEM</translation>
    </message>
    <message>
        <source>{record} {id} cannot be changed ({columns})</source>
        <translation>{record} {id} не може да се променя ({columns})</translation>
    </message>
    <message>
        <source>{record} {id} cannot be deleted</source>
        <translation>{record} {id} не може да се изтрие</translation>
    </message>
    <message>
        <source>{register} has no printer on {workstation}: a manager assigns one in Devices</source>
        <translation>Касата {register} няма принтер на работното място {workstation}: мениджър го задава в прозореца „Устройства“</translation>
    </message>
    <message>
        <source>{service} is a bill moved to this account: reverse the transfer on the guest&apos;s bill, which undoes both halves</source>
        <translation>{service} е сметка, прехвърлена към тази сметка: отменете прехвърлянето в сметката на госта, което отменя и двете части</translation>
    </message>
    <message>
        <source>{service} is already on bill {bill}</source>
        <translation>„{service}“ вече е в сметка {bill}</translation>
    </message>
    <message>
        <source>{service} is reversed and stays where it is</source>
        <translation>„{service}“ е сторнирана и остава на мястото си</translation>
    </message>
    <message>
        <source>{service} was already reversed</source>
        <translation>„{service}“ вече е сторнирана</translation>
    </message>
    <message>
        <source>{service} was already reversed on the company&apos;s account</source>
        <translation>{service} вече е отменено в сметката на фирмата</translation>
    </message>
    <message>
        <source>{tax_id} is not a person&apos;s taxpayer number (ИНН): 12 digits with their check digits</source>
        <translation>{tax_id} не е данъчен номер (ИНН) на физическо лице в Русия: 12 цифри с контролните им цифри</translation>
    </message>
    <message>
        <source>{url} is not a printer address: use tcp://, serial://, usb:// or file://</source>
        <translation>{url} не е адрес на принтер: използвайте tcp://, serial://, usb:// или file://</translation>
    </message>
    <message>
        <source>{user} is not a manager and may not authorise this</source>
        <translation>{user} не е мениджър и не може да разреши това</translation>
    </message>
    <message>
        <source>{user} may no longer act at this desk</source>
        <translation>{user} вече не може да работи на това работно място</translation>
    </message>
    <message>
        <source>{value} does not close an operation</source>
        <translation>{value} не приключва операция</translation>
    </message>
    <message>
        <source>{workstation} already has a printer “{name}”</source>
        <translation>Работното място {workstation} вече има принтер „{name}“</translation>
    </message>
    <message>
        <source>{workstation} already has a terminal called {name}</source>
        <translation>Работното място {workstation} вече има терминал {name}</translation>
    </message>
    <message>
        <source>“{country}” is not a country code (two letters, such as BG)</source>
        <translation>„{country}“ не е код на държава (две букви, например BG)</translation>
    </message>
    <message>
        <source>“{country}” is not a country code: two letters (ISO 3166), such as BG or RU</source>
        <translation>„{country}“ не е код на държава: две букви (ISO 3166), например BG или RU</translation>
    </message>
    <message>
        <source>“{text}” is not an amount</source>
        <translation>„{text}“ не е сума</translation>
    </message>
    <message>
        <source>“{text}” is not money</source>
        <translation>„{text}“ не е парична сума</translation>
    </message>
    <message>
        <source>“{value}” is not a date (YYYY-MM-DD)</source>
        <translation>„{value}“ не е дата (ГГГГ-ММ-ДД)</translation>
    </message>
    <message>
        <source>“{value}” is not a quantity</source>
        <translation>„{value}“ не е количество</translation>
    </message>
    <message>
        <source>“{value}” is not a whole count of minor units</source>
        <translation>„{value}“ не е цял брой най-малки единици на валутата</translation>
    </message>
    <message>
        <source>“{value}” is not an amount</source>
        <translation>„{value}“ не е сума</translation>
    </message>
    <message>
        <source>“{value}” is not an exact amount</source>
        <translation>„{value}“ не е точна сума</translation>
    </message>
    <message>
        <source>“{value}” is not an exact quantity</source>
        <translation>„{value}“ не е точно количество</translation>
    </message>
    <message>
        <source>A refund is a positive amount in {currency}</source>
        <translation>Връщането е положителна сума в {currency}</translation>
    </message>
    <message>
        <source>A tip or a discount cannot be negative</source>
        <translation>Бакшишът или отстъпката не може да е отрицателна</translation>
    </message>
    <message>
        <source>Check {check_number} closed at {closed_at}, when {number} was not staying in the hotel (in house from {arrived} to {left})</source>
        <translation>Сметка {check_number} е затворена на {closed_at}, когато {number} не е бил настанен в хотела (настанен от {arrived} до {left})</translation>
    </message>
    <message>
        <source>Check {check_number} has {left} left to refund, not {amount}</source>
        <translation>По сметка {check_number} могат да се върнат още {left}, а не {amount}</translation>
    </message>
    <message>
        <source>More is refunded at the tax rate {percent}% than the check holds ({left} left)</source>
        <translation>По данъчна ставка {percent}% се връща повече, отколкото има в сметката (остават {left})</translation>
    </message>
    <message>
        <source>More was returned than sold at the tax rate {percent}%: the lines make {sum}</source>
        <translation>По данъчна ставка {percent}% е върнато повече, отколкото е продадено: редовете дават {sum}</translation>
    </message>
    <message>
        <source>Nobody stayed in room {room_number} at {closed_at}</source>
        <translation>В стая {room_number} на {closed_at} не е имало настанен гост</translation>
    </message>
    <message>
        <source>POS {pos_name} looked up too many rooms: at most {limit} a minute</source>
        <translation>POS {pos_name} потърси твърде много стаи: най-много {limit} в минута</translation>
    </message>
    <message>
        <source>Reservation {number} checked out: the desk refunds the check</source>
        <translation>Резервация {number} е напуснала: рецепцията връща сумата по сметката</translation>
    </message>
    <message>
        <source>The key of POS {pos_name} posts to outlet {own}, not to {outlet}</source>
        <translation>Ключът на POS {pos_name} осчетоводява в обект {own}, а не в {outlet}</translation>
    </message>
    <message>
        <source>The lines ({lines}) less the discount ({discount}) with the tip ({tip}) make {sum}, not the total {total}</source>
        <translation>Редовете ({lines}) минус отстъпката ({discount}) плюс бакшиша ({tip}) дават {sum}, а не общо {total}</translation>
    </message>
    <message>
        <source>{item}: quantity must not be zero and price not negative</source>
        <translation>{item}: количеството не може да е нула, а цената — отрицателна</translation>
    </message>
    <message>
        <source>The room&apos;s share {share} is more than the check&apos;s total {total}</source>
        <translation>Делът на стаята {share} е повече от общата сума на сметката {total}</translation>
    </message>
    <message>
        <source>{value} is not a time zone (for example Europe/Sofia)</source>
        <translation>{value} не е часова зона (например Europe/Sofia)</translation>
    </message>
    <message>
        <source>Open items: {count}. Settle them, or give a reason to close the day over them</source>
        <translation>Незакрити позиции: {count}. Приключете ги или посочете причина, за да затворите деня с тях</translation>
    </message>
    <message>
        <source>Reservation {reservation} is a no-show, not confirmed</source>
        <translation>Резервация {reservation} е неявяване, не е потвърдена</translation>
    </message>
    <message>
        <source>Reservation {reservation} is a no-show, not in house</source>
        <translation>Резервация {reservation} е неявяване, гостът не е настанен</translation>
    </message>
    <message>
        <source>The business date is {date} now, not {closed}: another desk closed the day</source>
        <translation>Работната дата вече е {date}, а не {closed}: денят е затворен от друго работно място</translation>
    </message>
    <message>
        <source>The city tax cannot be negative</source>
        <translation>Туристическият данък не може да бъде отрицателен</translation>
    </message>
    <message>
        <source>The city tax from {date} is set already: set it from another date</source>
        <translation>Туристическият данък от {date} вече е зададен: задайте го от друга дата</translation>
    </message>
    <message>
        <source>The hotel&apos;s business date is {date} already: the night audit moves it</source>
        <translation>Работната дата на хотела вече е {date}: нощният одит я премества</translation>
    </message>
    <message>
        <source>mark a reservation as a no-show</source>
        <translation type="vanished">отбелязва резервация като неявяване</translation>
    </message>
    <message>
        <source>run the night audit</source>
        <translation>извършва нощния одит</translation>
    </message>
    <message>
        <source>set the city tax</source>
        <translation>задава туристическия данък</translation>
    </message>
    <message>
        <source>An operator needs a name</source>
        <translation>Операторът трябва да има име</translation>
    </message>
    <message>
        <source>Choose the saved card</source>
        <translation>Изберете запазена карта</translation>
    </message>
    <message>
        <source>Enter the operator&apos;s secret key</source>
        <translation>Въведете секретния ключ на оператора</translation>
    </message>
    <message>
        <source>Name the currencies the operator takes, as EUR,CHF</source>
        <translation>Посочете валутите на оператора, например EUR,CHF</translation>
    </message>
    <message>
        <source>Saved cards are kept between 1 and 3650 days after departure</source>
        <translation>Запазените карти се пазят от 1 до 3650 дни след напускане</translation>
    </message>
    <message>
        <source>The card page gave no card</source>
        <translation>Страницата за карта не върна карта</translation>
    </message>
    <message>
        <source>The desk does not know the card operator {operator}</source>
        <translation>Касата не познава картовия оператор {operator}</translation>
    </message>
    <message>
        <source>The key in {path} is not the one the secret key of {name} was saved with: copy the right key file here, or set the operator up again</source>
        <translation>Ключът в {path} не е този, с който е запазен секретният ключ на {name}: копирайте тук правилния файл с ключ или настройте оператора отново</translation>
    </message>
    <message>
        <source>There is already an operator called {name}</source>
        <translation>Вече има оператор {name}</translation>
    </message>
    <message>
        <source>There is no card operation {record}</source>
        <translation>Няма операция с карта {record}</translation>
    </message>
    <message>
        <source>There is no card operator {operator}</source>
        <translation>Няма картов оператор {operator}</translation>
    </message>
    <message>
        <source>There is no company {company}</source>
        <translation>Няма фирма {company}</translation>
    </message>
    <message>
        <source>There is no event {event}</source>
        <translation>Няма събитие {event}</translation>
    </message>
    <message>
        <source>There is no reservation {reservation}</source>
        <translation>Няма резервация {reservation}</translation>
    </message>
    <message>
        <source>There is no saved card {card}</source>
        <translation>Няма запазена карта {card}</translation>
    </message>
    <message>
        <source>This card is saved at another operator</source>
        <translation>Тази карта е запазена при друг оператор</translation>
    </message>
    <message>
        <source>This card operation was made on a card terminal: use the terminal</source>
        <translation>Тази операция е направена на картов терминал: използвайте терминала</translation>
    </message>
    <message>
        <source>This saved card was deleted</source>
        <translation>Тази запазена карта е изтрита</translation>
    </message>
    <message>
        <source>This was done online at {operator}: do it there, not on a terminal</source>
        <translation>Това е направено онлайн при {operator}: направете го там, а не на терминал</translation>
    </message>
    <message>
        <source>This workstation has no key for the secret key of {name}: copy {path} here from the computer where it was saved, or set the operator up again</source>
        <translation>Това работно място няма ключ за секретния ключ на {name}: копирайте тук {path} от компютъра, на който е запазен, или настройте оператора отново</translation>
    </message>
    <message>
        <source>{operator} is not set up to take {currency}</source>
        <translation>{operator} не е настроен да приема {currency}</translation>
    </message>
    <message>
        <source>A card is saved on one reservation, company or event</source>
        <translation>Картата се запазва към една резервация, фирма или събитие</translation>
    </message>
    <message>
        <source>A refund receipt refers to its sale receipt on the same register, and {register} issued none for the refunded payment: issue the refund receipt on the register that issued the sale</source>
        <translation>Сторно бележката сочи касовата бележка на същата каса, а {register} не е издала такава за върнатото плащане: издайте сторно бележката на касата, издала продажбата</translation>
    </message>
    <message>
        <source>A register&apos;s address is its server&apos;s URL, e.g. http://127.0.0.1:16732</source>
        <translation>Адресът на касата е URL на нейния сървър, напр. http://127.0.0.1:16732</translation>
    </message>
    <message>
        <source>A register&apos;s kind is one of {kinds}</source>
        <translation>Видът на касата е един от: {kinds}</translation>
    </message>
    <message>
        <source>A taxation system is one of {systems}</source>
        <translation>Данъчният режим е един от: {systems}</translation>
    </message>
    <message>
        <source>A {kind} register needs a VAT code for each of our rates</source>
        <translation>Каса {kind} се нуждае от код на ДДС за всяка наша ставка</translation>
    </message>
    <message>
        <source>A {kind} register needs its server&apos;s address</source>
        <translation>Каса {kind} се нуждае от адреса на своя сървър</translation>
    </message>
    <message>
        <source>A {kind} register needs its taxation system</source>
        <translation>Каса {kind} се нуждае от данъчен режим</translation>
    </message>
    <message>
        <source>Register {register} did not issue the document; try again</source>
        <translation>Каса {register} не издаде документа; опитайте отново</translation>
    </message>
    <message>
        <source>Register {register} did not say whether it issued the document. Look at its last receipt on the register; the desk asks it again at the next start or with Shift → Check receipts. Do not issue it again by hand</source>
        <translation type="vanished">Каса {register} не каза дали е издала документа. Вижте последната ѝ бележка; програмата ще я попита отново при следващото стартиране или от Смяна → Провери бележките. Не го издавайте повторно ръчно</translation>
    </message>
    <message>
        <source>Register {register} did not say whether it printed the Z report: look at the register; closing the shift again asks it once more</source>
        <translation>Каса {register} не каза дали е отпечатала Z отчета: вижте касата; повторното затваряне на смяната я пита още веднъж</translation>
    </message>
    <message>
        <source>Register {register} has no VAT code for the rate “{rate}”: a manager sets it (desk registers set {register} --vat ...)</source>
        <translation>Каса {register} няма код на ДДС за ставка „{rate}“: мениджър го задава (desk registers set {register} --vat ...)</translation>
    </message>
    <message>
        <source>Register {register} prints a copy of its last receipt only; receipt {number} is found on the register or on the fiscal data operator&apos;s site</source>
        <translation>Каса {register} печата копие само на последната си бележка; бележка {number} се намира в касата или на сайта на оператора на фискални данни</translation>
    </message>
    <message>
        <source>Register {register} refused: {problem} ({words}, error {code})</source>
        <translation>Каса {register} отказа: {problem} ({words}, грешка {code})</translation>
    </message>
    <message>
        <source>The register&apos;s server at {address} does not answer: {problem}. Check that it runs and the register is on</source>
        <translation>Сървърът на касата на {address} не отговаря: {problem}. Проверете, че работи и касата е включена</translation>
    </message>
    <message>
        <source>The register&apos;s server refused the task ({status}): {problem}</source>
        <translation>Сървърът на касата отказа задачата ({status}): {problem}</translation>
    </message>
    <message>
        <source>the register has not reached the fiscal data operator (OFD) for too long: check its internet connection and the OFD contract; receipts resume once its documents are sent</source>
        <translation>касата твърде дълго не е връзвала с оператора на фискални данни (ОФД): проверете интернет връзката ѝ и договора с ОФД; бележките продължават, щом документите бъдат изпратени</translation>
    </message>
    <message>
        <source>the register is out of paper: load a paper roll and try again</source>
        <translation>касата няма хартия: сложете ролка и опитайте отново</translation>
    </message>
    <message>
        <source>the register refused a VAT rate: a manager checks the register&apos;s VAT codes</source>
        <translation>касата отказа ставка на ДДС: мениджър проверява кодовете на ДДС на касата</translation>
    </message>
    <message>
        <source>the register refused the taxation system: a manager checks the register&apos;s settings</source>
        <translation>касата отказа данъчния режим: мениджър проверява настройките на касата</translation>
    </message>
    <message>
        <source>the register&apos;s cover is open: close it and try again</source>
        <translation>капакът на касата е отворен: затворете го и опитайте отново</translation>
    </message>
    <message>
        <source>the register&apos;s fiscal storage (FN) has expired: call the service centre to replace it; no receipt can be issued on this register until then</source>
        <translation>фискалният накопител (ФН) на касата е с изтекъл срок: повикайте сервиза да го смени; дотогава на тази каса не може да се издават бележки</translation>
    </message>
    <message>
        <source>the register&apos;s fiscal storage (FN) is full: call the service centre to replace it; no receipt can be issued on this register until then</source>
        <translation>фискалният накопител (ФН) на касата е пълен: повикайте сервиза да го смени; дотогава на тази каса не може да се издават бележки</translation>
    </message>
    <message>
        <source>the register&apos;s printer reports a fault: switch the register off and on, then try again</source>
        <translation>принтерът на касата съобщава за грешка: изключете и включете касата, после опитайте отново</translation>
    </message>
    <message>
        <source>the register&apos;s shift is already open: close it with the cash shift&apos;s Z report first</source>
        <translation>смяната на касата вече е отворена: първо я затворете със Z отчета на касовата смяна</translation>
    </message>
    <message>
        <source>the register&apos;s shift is closed: open the cash shift first</source>
        <translation>смяната на касата е затворена: първо отворете касовата смяна</translation>
    </message>
    <message>
        <source>the register&apos;s shift is over 24 hours: close the cash shift (Z report) and open a new one</source>
        <translation>смяната на касата е над 24 часа: затворете касовата смяна (Z отчет) и отворете нова</translation>
    </message>
    <message>
        <source>{register} is a {kind} register, which this desk does not drive yet</source>
        <translation>{register} е каса от вида {kind}, с която програмата още не работи</translation>
    </message>
    <message>
        <source>“{part}” is no rate=VAT code pair; the codes are {codes}</source>
        <translation>„{part}“ не е двойка ставка=код на ДДС; кодовете са: {codes}</translation>
    </message>
    <message>
        <source>A code is 1 to 24 letters, digits, dots, dashes or underscores</source>
        <translation>Кодът е от 1 до 24 букви, цифри, точки, тирета или долни черти</translation>
    </message>
    <message>
        <source>A country is two letters (BG, RU, DE...)</source>
        <translation>Държавата е две букви (BG, RU, DE...)</translation>
    </message>
    <message>
        <source>A credit limit cannot be negative</source>
        <translation>Кредитният лимит не може да е отрицателен</translation>
    </message>
    <message>
        <source>A credit limit is in the hotel&apos;s currency, {currency}</source>
        <translation>Кредитният лимит е във валутата на хотела, {currency}</translation>
    </message>
    <message>
        <source>A password has at least {length} characters</source>
        <translation>Паролата е поне {length} знака</translation>
    </message>
    <message>
        <source>A password may not be one character repeated</source>
        <translation>Паролата не може да е един повторен знак</translation>
    </message>
    <message>
        <source>A password may not be the user name</source>
        <translation>Паролата не може да е потребителското име</translation>
    </message>
    <message>
        <source>A price cannot be negative</source>
        <translation>Цената не може да е отрицателна</translation>
    </message>
    <message>
        <source>A price is in the hotel&apos;s currency, {currency}</source>
        <translation>Цената е във валутата на хотела, {currency}</translation>
    </message>
    <message>
        <source>A register&apos;s code is at most 16 characters</source>
        <translation>Кодът на касата е най-много 16 знака</translation>
    </message>
    <message>
        <source>At most {limit} characters</source>
        <translation>Най-много {limit} знака</translation>
    </message>
    <message>
        <source>Choose a clerk&apos;s, cashier&apos;s or manager&apos;s role</source>
        <translation>Изберете роля на администратор, касиер или мениджър</translation>
    </message>
    <message>
        <source>Choose a password other than the one you were given</source>
        <translation>Изберете парола, различна от дадената ви</translation>
    </message>
    <message>
        <source>Give at least the hotel&apos;s name, its base currency and the first manager</source>
        <translation>Посочете поне името на хотела, основната му валута и първия мениджър</translation>
    </message>
    <message>
        <source>Give the hotel at least one VAT rate</source>
        <translation>Посочете поне една ставка на ДДС</translation>
    </message>
    <message>
        <source>The ECB&apos;s file has no rate for the hotel&apos;s currency, {currency}</source>
        <translation>Във файла на ЕЦБ няма курс за валутата на хотела, {currency}</translation>
    </message>
    <message>
        <source>The ECB&apos;s file has none of the currencies the hotel accepts</source>
        <translation>Във файла на ЕЦБ няма нито една от валутите, които хотелът приема</translation>
    </message>
    <message>
        <source>The hotel is set up once, at the first start</source>
        <translation>Хотелът се настройва веднъж, при първото стартиране</translation>
    </message>
    <message>
        <source>The rate of {currency} must be above zero</source>
        <translation>Курсът на {currency} трябва да е над нула</translation>
    </message>
    <message>
        <source>The two passwords differ</source>
        <translation>Двете пароли се различават</translation>
    </message>
    <message>
        <source>There is already a cash register {code}</source>
        <translation>Вече има каса {code}</translation>
    </message>
    <message>
        <source>There is already a company with tax ID {tax_id}</source>
        <translation>Вече има фирма с ЕИК {tax_id}</translation>
    </message>
    <message>
        <source>There is already a payment method {code}</source>
        <translation>Вече има начин на плащане {code}</translation>
    </message>
    <message>
        <source>There is already a service {code}</source>
        <translation>Вече има услуга {code}</translation>
    </message>
    <message>
        <source>There is already a user {username}</source>
        <translation>Вече има потребител {username}</translation>
    </message>
    <message>
        <source>There is already an outlet {code}</source>
        <translation>Вече има обект {code}</translation>
    </message>
    <message>
        <source>There is no VAT rate {code}</source>
        <translation>Няма ставка на ДДС {code}</translation>
    </message>
    <message>
        <source>This database already holds a hotel</source>
        <translation>В тази база данни вече има хотел</translation>
    </message>
    <message>
        <source>This is not the ECB&apos;s daily rates file (eurofxref-daily.xml)</source>
        <translation>Това не е файлът с дневните курсове на ЕЦБ (eurofxref-daily.xml)</translation>
    </message>
    <message>
        <source>This pre-authorisation was already captured: it is used once</source>
        <translation>Тази предварителна авторизация вече е усвоена: използва се веднъж</translation>
    </message>
    <message>
        <source>This pre-authorisation was already released: it is used once</source>
        <translation>Тази предварителна авторизация вече е освободена: използва се веднъж</translation>
    </message>
    <message>
        <source>This pre-authorisation was already used: it is used once</source>
        <translation>Тази предварителна авторизация вече е използвана: използва се веднъж</translation>
    </message>
    <message>
        <source>Two VAT rates have the same code</source>
        <translation>Две ставки на ДДС имат еднакъв код</translation>
    </message>
    <message>
        <source>Type the company&apos;s name</source>
        <translation>Въведете името на фирмата</translation>
    </message>
    <message>
        <source>Type the hotel&apos;s name</source>
        <translation>Въведете името на хотела</translation>
    </message>
    <message>
        <source>Type the name</source>
        <translation>Въведете наименованието</translation>
    </message>
    <message>
        <source>Type the user&apos;s full name</source>
        <translation>Въведете пълното име на потребителя</translation>
    </message>
    <message>
        <source>Unknown time zone “{zone}”</source>
        <translation>Непозната часова зона „{zone}“</translation>
    </message>
    <message>
        <source>You cannot change your own role</source>
        <translation>Не можете да промените собствената си роля</translation>
    </message>
    <message>
        <source>You cannot deactivate yourself</source>
        <translation>Не можете да деактивирате себе си</translation>
    </message>
    <message>
        <source>change the hotel&apos;s services, outlets and payment methods</source>
        <translation type="vanished">да променя услугите, обектите и начините на плащане на хотела</translation>
    </message>
    <message>
        <source>set up the hotel</source>
        <translation>да настройва хотела</translation>
    </message>
    <message>
        <source>{currency} is the hotel&apos;s base currency: its rate is 1</source>
        <translation>{currency} е основната валута на хотела: курсът ѝ е 1</translation>
    </message>
    <message>
        <source>{username} is the last active manager: add another manager first</source>
        <translation>{username} е последният активен мениджър: първо добавете друг мениджър</translation>
    </message>
    <message>
        <source>{user} must choose a new password: sign in again</source>
        <translation>{user} трябва да избере нова парола: влезте отново</translation>
    </message>
    <message>
        <source>“{text}” is not a number</source>
        <translation>„{text}“ не е число</translation>
    </message>
    <message>
        <source>A VAT rate is from 0 to 100 percent</source>
        <translation>Ставката на ДДС е от 0 до 100 процента</translation>
    </message>
    <message>
        <source>A VAT rate needs a code and a name</source>
        <translation>Ставката на ДДС трябва да има код и наименование</translation>
    </message>
    <message>
        <source>A user name is 2 to 40 small letters, digits, dots, dashes or underscores</source>
        <translation>Потребителското име е от 2 до 40 малки латински букви, цифри, точки, тирета или долни черти</translation>
    </message>
    <message>
        <source>change the hotel&apos;s catalogue and exchange rates</source>
        <translation>да променя каталога и валутните курсове на хотела</translation>
    </message>
    <message>
        <source>{item}: expected CODE=VALUE</source>
        <translation>{item}: очаква се КОД=СТОЙНОСТ</translation>
    </message>
    <message>
        <source>Enter the Converge account as MerchantId/UserId, as 0022587/apiuser</source>
        <translation>Въведете сметката в Converge като MerchantId/UserId, например 0022587/apiuser</translation>
    </message>
    <message>
        <source>Enter the Saferpay JSON API user and its password as USER:PASSWORD</source>
        <translation>Въведете потребителя на JSON API на Saferpay и паролата му като ПОТРЕБИТЕЛ:ПАРОЛА</translation>
    </message>
    <message>
        <source>Enter the Saferpay account as CustomerId/TerminalId, as 245294/17795278</source>
        <translation>Въведете сметката в Saferpay като CustomerId/TerminalId, например 245294/17795278</translation>
    </message>
    <message>
        <source>A service needs a price</source>
        <translation>Услугата трябва да има цена</translation>
    </message>
    <message>
        <source>Cancelled: nothing was written or replaced</source>
        <translation>Отказано: нищо не е записано или заменено</translation>
    </message>
    <message>
        <source>Column {column} is missing; {kind} need {columns}</source>
        <translation>Липсва колона {column}; за импорта ({kind}) са нужни: {columns}</translation>
    </message>
    <message>
        <source>Line {line} has {count} values, the header {columns}</source>
        <translation>На ред {line} има {count} стойности, в заглавието: {columns}</translation>
    </message>
    <message>
        <source>Nothing can be imported as {kind}</source>
        <translation>Не може да се импортира като „{kind}“</translation>
    </message>
    <message>
        <source>Nothing can be written in {folder}: {reason}</source>
        <translation>В папка {folder} не може да се записва: {reason}</translation>
    </message>
    <message>
        <source>Only an SQLite file or a PostgreSQL database can be backed up</source>
        <translation>Може да се копира само файл на SQLite или база на PostgreSQL</translation>
    </message>
    <message>
        <source>Only an SQLite file or a PostgreSQL database can be restored</source>
        <translation>Може да се възстанови само файл на SQLite или база на PostgreSQL</translation>
    </message>
    <message>
        <source>Only the role that owns the desk&apos;s tables may restore them; this connection is {role}</source>
        <translation type="vanished">Таблиците може да възстанови само ролята, която ги притежава; тази връзка е {role}</translation>
    </message>
    <message>
        <source>Other workstations are connected to the database: close the desk and the POS service on each of them, then restore</source>
        <translation>Към базата данни са свързани други работни места: затворете програмата и услугата POS на всяко от тях, след това възстановете</translation>
    </message>
    <message>
        <source>The backup could not be made: {reason}</source>
        <translation>Копието не можа да бъде създадено: {reason}</translation>
    </message>
    <message>
        <source>The file is not UTF-8 text (save it as CSV UTF-8)</source>
        <translation>Файлът не е текст в UTF-8 (запишете го като „CSV UTF-8“)</translation>
    </message>
    <message>
        <source>The file was not imported: {count} lines refused</source>
        <translation>Файлът не е импортиран: отказани редове: {count}</translation>
    </message>
    <message>
        <source>The first line must name the columns; {kind} need {columns}</source>
        <translation>Първият ред трябва да назовава колоните; за импорта ({kind}) са нужни: {columns}</translation>
    </message>
    <message>
        <source>The restore failed and nothing was replaced: {reason}</source>
        <translation>Възстановяването не успя и нищо не е заменено: {reason}</translation>
    </message>
    <message>
        <source>There is no folder {folder}</source>
        <translation>Няма папка {folder}</translation>
    </message>
    <message>
        <source>Unknown column {column}; {kind} have {columns}</source>
        <translation>Непозната колона {column}; за импорта ({kind}) има: {columns}</translation>
    </message>
    <message>
        <source>back up the database</source>
        <translation>прави резервно копие на базата данни</translation>
    </message>
    <message>
        <source>import data from a file</source>
        <translation>импортира данни от файл</translation>
    </message>
    <message>
        <source>restore the database from a backup</source>
        <translation>възстановява базата данни от копие</translation>
    </message>
    <message>
        <source>{date} is not a date (YYYY-MM-DD)</source>
        <translation>{date} не е дата (ГГГГ-ММ-ДД)</translation>
    </message>
    <message>
        <source>“{value}” is not a whole number</source>
        <translation>„{value}“ не е цяло число</translation>
    </message>
    <message>
        <source>{file} cannot be read: {reason}</source>
        <translation>Файлът {file} не може да се прочете: {reason}</translation>
    </message>
    <message>
        <source>{file} exists already: choose another name</source>
        <translation>Файлът {file} вече съществува: изберете друго име</translation>
    </message>
    <message>
        <source>{file} is a backup of a PostgreSQL database: restore it into one</source>
        <translation>{file} е копие на база на PostgreSQL: възстановете го в PostgreSQL</translation>
    </message>
    <message>
        <source>{file} is a backup of an SQLite database: restore it into one</source>
        <translation>{file} е копие на база на SQLite: възстановете го в SQLite</translation>
    </message>
    <message>
        <source>{file} is damaged: {reason}</source>
        <translation>Файлът {file} е повреден: {reason}</translation>
    </message>
    <message>
        <source>{file} is not a backup of the desk&apos;s database</source>
        <translation>{file} не е резервно копие на базата данни на програмата</translation>
    </message>
    <message>
        <source>{file} was made by a newer version of the desk (schema {schema}): upgrade this one first</source>
        <translation>Файлът {file} е създаден от по-нова версия на програмата (схема {schema}): първо обновете тази</translation>
    </message>
    <message>
        <source>{tool} is not installed: install PostgreSQL&apos;s client programs</source>
        <translation>{tool} не е инсталиран: инсталирайте клиентските програми на PostgreSQL</translation>
    </message>
    <message>
        <source>A report covers at most {days} days</source>
        <translation>Отчетът обхваща най-много {days} дни</translation>
    </message>
    <message>
        <source>A POS item or category code is 1-{limit} characters</source>
        <translation>Кодът на артикул или категория в POS е от 1 до {limit} знака</translation>
    </message>
    <message>
        <source>A POS mapping is one of: {values}</source>
        <translation>Съпоставянето с POS е едно от: {values}</translation>
    </message>
    <message>
        <source>A birth date cannot be in the future</source>
        <translation>Датата на раждане не може да е в бъдещето</translation>
    </message>
    <message>
        <source>A guest&apos;s name is at most {limit} characters</source>
        <translation>Името на госта е най-много {limit} знака</translation>
    </message>
    <message>
        <source>A percentage of the room rate is from 0 to 100</source>
        <translation>Процентът от цената на стаята е от 0 до 100</translation>
    </message>
    <message>
        <source>A phone number is at most {limit} characters</source>
        <translation>Телефонният номер е най-много {limit} знака</translation>
    </message>
    <message>
        <source>A reservation&apos;s status is confirmed or cancelled, not “{value}”</source>
        <translation type="vanished">Статусът на резервацията е confirmed или cancelled, а не „{value}“</translation>
    </message>
    <message>
        <source>Aged on</source>
        <translation>Давност към</translation>
    </message>
    <message>
        <source>All brands</source>
        <translation>Всички картови схеми</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Сума</translation>
    </message>
    <message>
        <source>An e-mail address is at most {limit} characters</source>
        <translation>Имейл адресът е най-много {limit} знака</translation>
    </message>
    <message>
        <source>Arrival</source>
        <translation>Пристигане</translation>
    </message>
    <message>
        <source>Arrival {arrival} is before the business date {date}: give the status in_house, checked_out or no_show</source>
        <translation>Пристигането {arrival} е преди работната дата {date}: посочете статус in_house, checked_out или no_show</translation>
    </message>
    <message>
        <source>Authorised by</source>
        <translation>Разрешил</translation>
    </message>
    <message>
        <source>Average rate</source>
        <translation>Средна цена</translation>
    </message>
    <message>
        <source>BROKEN at entry {entry} (id {id}) of {when}: {reason}</source>
        <translation>НАРУШЕНА при запис {entry} (№ {id}) от {when}: {reason}</translation>
    </message>
    <message>
        <source>BROKEN at entry {entry} of {when}: {reason}</source>
        <translation>НАРУШЕНА при запис {entry} от {when}: {reason}</translation>
    </message>
    <message>
        <source>BROKEN at {row}: {reason}</source>
        <translation>НАРУШЕНА при „{row}“: {reason}</translation>
    </message>
    <message>
        <source>Balance</source>
        <translation>Салдо</translation>
    </message>
    <message>
        <source>Bill</source>
        <translation>Сметка</translation>
    </message>
    <message>
        <source>Bill {bill} is closed by invoice {invoice}: its services stay as invoiced. Post on another bill, or credit the whole invoice first</source>
        <translation>Сметка {bill} е приключена с фактура {invoice}: услугите ѝ остават както са фактурирани. Осчетоводете по друга сметка или първо издайте кредитно известие за цялата фактура</translation>
    </message>
    <message>
        <source>Booked by the terminal, not in the ledger</source>
        <translation>Осчетоводено от терминала, но не в счетоводството</translation>
    </message>
    <message>
        <source>Business date</source>
        <translation>Работен ден</translation>
    </message>
    <message>
        <source>Business date from</source>
        <translation>Работен ден от</translation>
    </message>
    <message>
        <source>By user and authorising manager</source>
        <translation>По служители и разрешили мениджъри</translation>
    </message>
    <message>
        <source>Card brand</source>
        <translation>Картова схема</translation>
    </message>
    <message>
        <source>Card totals against the terminals</source>
        <translation>Картови плащания срещу терминалите</translation>
    </message>
    <message>
        <source>Cash drawer by shift</source>
        <translation>Каса по смени</translation>
    </message>
    <message>
        <source>Cash given back</source>
        <translation>Върнати в брой</translation>
    </message>
    <message>
        <source>Cash in</source>
        <translation>Служебно въведени</translation>
    </message>
    <message>
        <source>Cash out</source>
        <translation>Служебно изведени</translation>
    </message>
    <message>
        <source>Cash received</source>
        <translation>Получени в брой</translation>
    </message>
    <message>
        <source>Cashier</source>
        <translation>Касиер</translation>
    </message>
    <message>
        <source>Cashier report</source>
        <translation>Касиерски отчет</translation>
    </message>
    <message>
        <source>Charge reversed</source>
        <translation>Сторнирано начисление</translation>
    </message>
    <message>
        <source>Charge voided</source>
        <translation>Анулирано начисление</translation>
    </message>
    <message>
        <source>Charges</source>
        <translation>Начислено</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>Сметка</translation>
    </message>
    <message>
        <source>Choose the services to post</source>
        <translation>Изберете услугите за начисляване</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Затворена</translation>
    </message>
    <message>
        <source>Companies by age</source>
        <translation>Фирми по давност</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>Фирма</translation>
    </message>
    <message>
        <source>Count</source>
        <translation>Брой</translation>
    </message>
    <message>
        <source>Counted</source>
        <translation>Преброено</translation>
    </message>
    <message>
        <source>Credit limit</source>
        <translation>Кредитен лимит</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>Валута</translation>
    </message>
    <message>
        <source>Daily revenue</source>
        <translation>Дневни приходи</translation>
    </message>
    <message>
        <source>Departed with a balance</source>
        <translation>Напуснали с неплатено салдо</translation>
    </message>
    <message>
        <source>Departure</source>
        <translation>Заминаване</translation>
    </message>
    <message>
        <source>Deposit</source>
        <translation>Депозит</translation>
    </message>
    <message>
        <source>Difference</source>
        <translation>Разлика</translation>
    </message>
    <message>
        <source>Differences</source>
        <translation>Разлики</translation>
    </message>
    <message>
        <source>Document {document} is not one of this guest&apos;s: open the guest again</source>
        <translation>Документ {document} не е на този гост: отворете госта отново</translation>
    </message>
    <message>
        <source>Enter the reader&apos;s id as the operator shows it, as tmr_FDOt2wlRZEdpd7</source>
        <translation>Въведете идентификатора на четеца, както го показва операторът, напр. tmr_FDOt2wlRZEdpd7</translation>
    </message>
    <message>
        <source>Enter the terminal&apos;s POIID as Adyen shows it, its model and serial number, as V400m-324688179</source>
        <translation>Въведете POIID на терминала, както го показва Adyen: модел и сериен номер, напр. V400m-324688179</translation>
    </message>
    <message>
        <source>Every void, refund and override</source>
        <translation>Всички анулирания, връщания и разрешения</translation>
    </message>
    <message>
        <source>Expected</source>
        <translation>Очаквано</translation>
    </message>
    <message>
        <source>Float</source>
        <translation>Начална наличност</translation>
    </message>
    <message>
        <source>Folio</source>
        <translation>Фолио</translation>
    </message>
    <message>
        <source>From</source>
        <translation>От</translation>
    </message>
    <message>
        <source>Front desk</source>
        <translation>Рецепция</translation>
    </message>
    <message>
        <source>Gross</source>
        <translation>С ДДС</translation>
    </message>
    <message>
        <source>Guests</source>
        <translation>Гости</translation>
    </message>
    <message>
        <source>In the ledger, not in the terminal&apos;s batch</source>
        <translation>В счетоводството, но не в партидата на терминала</translation>
    </message>
    <message>
        <source>In-house guests</source>
        <translation>Настанени гости</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Вид</translation>
    </message>
    <message>
        <source>Ledger amount</source>
        <translation>Сума в счетоводството</translation>
    </message>
    <message>
        <source>Ledger count</source>
        <translation>Брой в счетоводството</translation>
    </message>
    <message>
        <source>Lines posted as the default service</source>
        <translation>Редове като услугата по подразбиране</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>Вид плащане</translation>
    </message>
    <message>
        <source>Net</source>
        <translation>Общо</translation>
    </message>
    <message>
        <source>Net of VAT</source>
        <translation>Без ДДС</translation>
    </message>
    <message>
        <source>No card reader of this operator is set up at this workstation: set it in Settings, Card operators</source>
        <translation>На това работно място няма настроен четец на карти на този оператор: задайте го в Настройки, Оператори на карти</translation>
    </message>
    <message>
        <source>Only Saferpay saves a card from a terminal transaction&apos;s reference</source>
        <translation>Само Saferpay записва карта по референцията на транзакция от терминала</translation>
    </message>
    <message>
        <source>Open balances</source>
        <translation>Открити салда</translation>
    </message>
    <message>
        <source>Opened</source>
        <translation>Отворена</translation>
    </message>
    <message>
        <source>Opened by</source>
        <translation>Отворена от</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Други</translation>
    </message>
    <message>
        <source>Outlet</source>
        <translation>Обект</translation>
    </message>
    <message>
        <source>Over 90 days</source>
        <translation>Над 90 дни</translation>
    </message>
    <message>
        <source>Over the limit</source>
        <translation>Над лимита</translation>
    </message>
    <message>
        <source>Over/short</source>
        <translation>Излишък/липса</translation>
    </message>
    <message>
        <source>Override</source>
        <translation>Разрешение от мениджър</translation>
    </message>
    <message>
        <source>POS checks</source>
        <translation>POS сметки</translation>
    </message>
    <message>
        <source>POS checks by outlet</source>
        <translation>POS сметки по обекти</translation>
    </message>
    <message>
        <source>POS lines posted as the outlet&apos;s default service</source>
        <translation>POS редове, осчетоводени като услугата по подразбиране на обекта</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>Платено</translation>
    </message>
    <message>
        <source>Payment</source>
        <translation>Плащане</translation>
    </message>
    <message>
        <source>Payment voided</source>
        <translation>Анулирано плащане</translation>
    </message>
    <message>
        <source>Payment {payment} has no fiscal receipt to copy</source>
        <translation>Плащане {payment} няма фискален бон, от който да се печата копие</translation>
    </message>
    <message>
        <source>Payments</source>
        <translation>Плащания</translation>
    </message>
    <message>
        <source>Payments by shift, cashier and method</source>
        <translation>Плащания по смени, касиери и видове</translation>
    </message>
    <message>
        <source>Postings</source>
        <translation>Начисления</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Основание</translation>
    </message>
    <message>
        <source>Receipt</source>
        <translation>Бележка</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Получени</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Запис</translation>
    </message>
    <message>
        <source>Refund</source>
        <translation>Връщане</translation>
    </message>
    <message>
        <source>Refunded</source>
        <translation>Върнати</translation>
    </message>
    <message>
        <source>Refunds</source>
        <translation>Връщания</translation>
    </message>
    <message>
        <source>Register {register} cannot print this receipt: its corrections at tax group {group} take off {amount} more than the lines of that group sell</source>
        <translation>Касата {register} не може да отпечата тази бележка: корекциите в данъчна група {group} намаляват с {amount} повече, отколкото продават редовете от тази група</translation>
    </message>
    <message>
        <source>Register {register} did not say whether it issued the document. Look at its last receipt on the register; the desk asks it again at the next start or with Shift → Check receipts, and when it still cannot tell, a manager settles it from the register&apos;s report in Shift → Pending register documents. Do not issue it again by hand</source>
        <translation>Каса {register} не каза дали е издала документа. Вижте последната ѝ бележка; програмата ще я попита отново при следващото стартиране или от „Смяна → Проверка на касовите бележки“, а ако касата пак не може да каже, мениджър приключва документа по отчета на касата в „Смяна → Неприключени документи на каси“. Не го издавайте повторно ръчно</translation>
    </message>
    <message>
        <source>Register {register} has no receipt {number} in the desk: its copy is found on the register or on the fiscal data operator&apos;s site</source>
        <translation>Касов апарат {register} няма бележка {number} в програмата: копието ѝ се намира в самия апарат или на сайта на оператора на фискални данни</translation>
    </message>
    <message>
        <source>Register {register} prints a copy of its last receipt only; receipt {number} is read from the fiscal printer&apos;s electronic journal on the printer itself</source>
        <translation>Касата {register} печата копие само на последната си бележка; бележка {number} се чете от електронната контролна лента на самия фискален принтер</translation>
    </message>
    <message>
        <source>Reservation</source>
        <translation>Резервация</translation>
    </message>
    <message>
        <source>Revenue by outlet and day ({currency})</source>
        <translation>Приходи по обекти и дни ({currency})</translation>
    </message>
    <message>
        <source>Revenue by outlet, service group and VAT rate</source>
        <translation>Приходи по обекти, групи услуги и ставки ДДС</translation>
    </message>
    <message>
        <source>Room</source>
        <translation>Стая</translation>
    </message>
    <message>
        <source>Room nights</source>
        <translation>Продадени нощувки</translation>
    </message>
    <message>
        <source>Room revenue</source>
        <translation>Приходи от стаи</translation>
    </message>
    <message>
        <source>Service group</source>
        <translation>Група услуги</translation>
    </message>
    <message>
        <source>Shift</source>
        <translation>Смяна</translation>
    </message>
    <message>
        <source>Someone is signed in at other workstations ({desks}): sign out there, then restore</source>
        <translation>На други работни места има влезли потребители ({desks}): излезте там от програмата, след това възстановете</translation>
    </message>
    <message>
        <source>Takings by hour and method ({currency})</source>
        <translation>Постъпления по часове и видове ({currency})</translation>
    </message>
    <message>
        <source>Terminal</source>
        <translation>Терминал</translation>
    </message>
    <message>
        <source>Terminal amount</source>
        <translation>Сума по терминала</translation>
    </message>
    <message>
        <source>Terminal count</source>
        <translation>Брой по терминала</translation>
    </message>
    <message>
        <source>Terminal end of day against the ledger</source>
        <translation>Приключване на терминала срещу счетоводството</translation>
    </message>
    <message>
        <source>The fiscal printer of register {register} did not tell its serial number: check it in ErpNet.FP</source>
        <translation>Фискалното устройство на каса {register} не съобщи серийния си номер: проверете го в ErpNet.FP</translation>
    </message>
    <message>
        <source>The receipt&apos;s unique sale number is missing: nothing was sent to the register</source>
        <translation>Липсва уникалният номер на продажба (УНП) на бележката: нищо не е изпратено към касата</translation>
    </message>
    <message>
        <source>The register cannot have issued it at {when}: the desk asked for it at {asked}</source>
        <translation>Касовият апарат не може да го е издал в {when}: програмата го е поискала в {asked}</translation>
    </message>
    <message>
        <source>The report ends on {last} before it begins on {first}</source>
        <translation>Отчетът завършва на {last}, преди да започне ({first})</translation>
    </message>
    <message>
        <source>The terminal sent only its total: no payment can be named</source>
        <translation>Терминалът изпрати само общата сума: не може да се посочи плащане</translation>
    </message>
    <message>
        <source>There is no company {company}: import it first</source>
        <translation>Няма фирма {company}: първо я импортирайте</translation>
    </message>
    <message>
        <source>There is no report called {name}</source>
        <translation>Няма отчет {name}</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Час</translation>
    </message>
    <message>
        <source>To</source>
        <translation>До</translation>
    </message>
    <message>
        <source>Type the date and time the register&apos;s report shows, like 07.12.2026 14:05</source>
        <translation>Въведете датата и часа от отчета на касовия апарат, например 07.12.2026 14:05</translation>
    </message>
    <message>
        <source>Type the document number the register&apos;s report shows</source>
        <translation>Въведете номера на документа от отчета на касата</translation>
    </message>
    <message>
        <source>Type the fiscal sign (ФП) the register&apos;s report shows: up to 10 digits</source>
        <translation>Въведете фискалния признак (ФП) от отчета на касата: до 10 цифри</translation>
    </message>
    <message>
        <source>Type the transaction reference as the terminal&apos;s receipt shows it, as 1:100002:1:87768996410</source>
        <translation>Въведете референцията на транзакцията, както е на касовата бележка от терминала, например 1:100002:1:87768996410</translation>
    </message>
    <message>
        <source>Type the unique sale number as the printer&apos;s report shows it, like DT279013-0001-0000042</source>
        <translation>Въведете уникалния номер на продажбата (УНП) както е в отчета на принтера, например DT279013-0001-0000042</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Служител</translation>
    </message>
    <message>
        <source>VAT</source>
        <translation>ДДС</translation>
    </message>
    <message>
        <source>VAT %</source>
        <translation>ДДС %</translation>
    </message>
    <message>
        <source>Voided</source>
        <translation>Анулирани</translation>
    </message>
    <message>
        <source>Voids</source>
        <translation>Анулирания</translation>
    </message>
    <message>
        <source>Voids, refunds and overrides</source>
        <translation>Анулирания, връщания и разрешения</translation>
    </message>
    <message>
        <source>Workstation</source>
        <translation>Работно място</translation>
    </message>
    <message>
        <source>accommodation</source>
        <translation>нощувка</translation>
    </message>
    <message>
        <source>audit trail: {found}</source>
        <translation>одитен дневник: {found}</translation>
    </message>
    <message>
        <source>document {number} is missing (found {found})</source>
        <translation>липсва документ {number} (намерен {found})</translation>
    </message>
    <message>
        <source>documents {first} to {last} are missing: the anchor of {date} names document {last}</source>
        <translation>липсват документи от {first} до {last}: котвата от {date} посочва документ {last}</translation>
    </message>
    <message>
        <source>entries {first} to {last}</source>
        <translation>записи от {first} до {last}</translation>
    </message>
    <message>
        <source>entries {first} to {last} removed: the anchor of the night audit of {date} names entry {last} of {when}</source>
        <translation>премахнати са записи от {first} до {last}: котвата на нощния одит за {date} посочва запис {last} от {when}</translation>
    </message>
    <message>
        <source>entry {entry}</source>
        <translation>запис {entry}</translation>
    </message>
    <message>
        <source>fiscal journal of {register}: document {number}: {found}</source>
        <translation>фискален дневник на каса {register}: документ {number}: {found}</translation>
    </message>
    <message>
        <source>food</source>
        <translation>храна</translation>
    </message>
    <message>
        <source>it does not follow the entry before it (an entry was removed or changed before it)</source>
        <translation>той не следва предишния запис (запис преди него е премахнат или променен)</translation>
    </message>
    <message>
        <source>it does not follow the previous document&apos;s sign</source>
        <translation>той не следва подписа на предишния документ</translation>
    </message>
    <message>
        <source>it is not the document the anchor of {date} names (sign {sign}...)</source>
        <translation>това не е документът, посочен от котвата от {date} (подпис {sign}...)</translation>
    </message>
    <message>
        <source>it is not the entry the anchor of the night audit of {date} names (hash {anchored}..., here {here}...): the trail was written again from there</source>
        <translation>това не е записът, посочен от котвата на нощния одит за {date} (хеш {anchored}..., тук {here}...): дневникът е пренаписан оттам</translation>
    </message>
    <message>
        <source>it is not the link the anchor of the night audit of {date} names: the chain was written again from there</source>
        <translation>това не е звеното, посочено от котвата на нощния одит за {date}: веригата е пренаписана оттам</translation>
    </message>
    <message>
        <source>it was changed after it was written (on {when} UTC): its content no longer matches its link</source>
        <translation>променено след записа ({when} по световно време): съдържанието вече не съвпада със звеното на веригата</translation>
    </message>
    <message>
        <source>it was removed (chained after {before})</source>
        <translation>премахнато (стоеше във веригата след „{before}“)</translation>
    </message>
    <message>
        <source>its content is not readable</source>
        <translation>съдържанието е нечетимо</translation>
    </message>
    <message>
        <source>its content was rewritten</source>
        <translation>съдържанието е пренаписано</translation>
    </message>
    <message>
        <source>its hash does not match its content (the entry was changed)</source>
        <translation>хешът не съвпада със съдържанието (записът е променен)</translation>
    </message>
    <message>
        <source>its link does not follow the one before (a link was changed)</source>
        <translation>звеното не следва предишното (звено е променено)</translation>
    </message>
    <message>
        <source>its printer is not ready, and its answer does not say why: check the printer and its server</source>
        <translation>принтерът му не е готов, а отговорът му не казва защо: проверете принтера и сървъра му</translation>
    </message>
    <message>
        <source>its sign does not match its content</source>
        <translation>подписът не съвпада със съдържанието</translation>
    </message>
    <message>
        <source>its time is not readable</source>
        <translation>времето е нечетимо</translation>
    </message>
    <message>
        <source>its time was changed ({value}, recorded as {recorded})</source>
        <translation>времето е променено ({value}, записано {recorded})</translation>
    </message>
    <message>
        <source>its {column} was changed ({value}, recorded as {recorded})</source>
        <translation>полето {column} е променено ({value}, записано {recorded})</translation>
    </message>
    <message>
        <source>its {column} was changed ({value}, signed as {signed})</source>
        <translation>полето {column} е променено ({value}, подписано {signed})</translation>
    </message>
    <message>
        <source>laundry</source>
        <translation>пералня</translation>
    </message>
    <message>
        <source>ledger chain: {found}</source>
        <translation>веригата на счетоводството: {found}</translation>
    </message>
    <message>
        <source>ledger: and {count} more bills</source>
        <translation>счетоводство: и още сметки: {count}</translation>
    </message>
    <message>
        <source>ledger: bill {bill} in {currency}: its rows add up to charges {charges} and payments {paid}, but as they were written they came to {kept_charges} and {kept_paid} (a row was changed or removed)</source>
        <translation>счетоводство: сметка {bill} в {currency}: редовете ѝ дават начисления {charges} и плащания {paid}, а при записа бяха {kept_charges} и {kept_paid} (ред е променен или премахнат)</translation>
    </message>
    <message>
        <source>link {link}</source>
        <translation>звено {link}</translation>
    </message>
    <message>
        <source>links {first} to {last}</source>
        <translation>звена от {first} до {last}</translation>
    </message>
    <message>
        <source>links {first} to {last} removed: the anchor of the night audit of {date} names link {last}</source>
        <translation>премахнати са звена от {first} до {last}: котвата на нощния одит за {date} посочва звено {last}</translation>
    </message>
    <message>
        <source>minibar</source>
        <translation>минибар</translation>
    </message>
    <message>
        <source>no link names it: it was written behind the desk</source>
        <translation>никое звено не го посочва: записано е в обход на програмата</translation>
    </message>
    <message>
        <source>parking</source>
        <translation>паркинг</translation>
    </message>
    <message>
        <source>payment {id}</source>
        <translation>плащане {id}</translation>
    </message>
    <message>
        <source>posting {id}</source>
        <translation>начисление {id}</translation>
    </message>
    <message>
        <source>read the hotel&apos;s reports</source>
        <translation>чете отчетите на хотела</translation>
    </message>
    <message>
        <source>settle a register&apos;s document by hand</source>
        <translation>приключва ръчно документ на каса</translation>
    </message>
    <message>
        <source>spa</source>
        <translation>спа</translation>
    </message>
    <message>
        <source>tax</source>
        <translation>такса</translation>
    </message>
    <message>
        <source>0-30 days</source>
        <translation>0–30 дни</translation>
    </message>
    <message>
        <source>31-60 days</source>
        <translation>31–60 дни</translation>
    </message>
    <message>
        <source>61-90 days</source>
        <translation>61–90 дни</translation>
    </message>
    <message>
        <source>The first day is after the last</source>
        <translation>Първият ден е след последния</translation>
    </message>
    <message>
        <source>The night audit is done, but the audit trail&apos;s anchor could not be written to {path} ({reason}): fix the anchor folder and run “desk audit anchor”</source>
        <translation>Нощният одит е извършен, но котвата на одитната следа не можа да бъде записана в {path} ({reason}): поправете папката за котви и изпълнете „desk audit anchor“</translation>
    </message>
    <message>
        <source>There is no kind of entry “{kind}”</source>
        <translation>Няма вид записи „{kind}“</translation>
    </message>
    <message>
        <source>read the audit trail</source>
        <translation>чете одитната следа</translation>
    </message>
    <message>
        <source>A {kind} cannot be sent by e-mail</source>
        <translation>Документ „{kind}“ не може да се изпрати по имейл</translation>
    </message>
    <message>
        <source>Documents can be in {languages}; “{language}” is not one of them</source>
        <translation>Документите могат да бъдат на {languages}; „{language}“ не е сред тях</translation>
    </message>
    <message>
        <source>The e-mail {id} has no document to attach</source>
        <translation>Имейл {id} няма документ за прикачване</translation>
    </message>
    <message>
        <source>the anchor file holds a line that is not an anchor</source>
        <translation>файлът с котви съдържа ред, който не е котва</translation>
    </message>
    <message>
        <source>the disk is full</source>
        <translation>дискът е пълен</translation>
    </message>
    <message>
        <source>the disk is read-only</source>
        <translation>дискът е само за четене</translation>
    </message>
    <message>
        <source>the disk reported an error</source>
        <translation>дискът съобщи за грешка</translation>
    </message>
    <message>
        <source>the folder cannot be found</source>
        <translation>папката не е намерена</translation>
    </message>
    <message>
        <source>the system refused it (the log says why)</source>
        <translation>системата отказа (причината е в журнала)</translation>
    </message>
    <message>
        <source>A credit limit cannot be below zero</source>
        <translation>Кредитният лимит не може да е под нула</translation>
    </message>
    <message>
        <source>a file is in the way of the folder</source>
        <translation>на мястото на папката има файл</translation>
    </message>
    <message>
        <source>a folder is in the way of the file</source>
        <translation>на мястото на файла има папка</translation>
    </message>
    <message>
        <source>e-mail a document to the payer</source>
        <translation>изпраща документи на платеца по имейл</translation>
    </message>
    <message>
        <source>no permission to write there</source>
        <translation>няма право за запис там</translation>
    </message>
    <message>
        <source>set a guest&apos;s credit limit</source>
        <translation>задава кредитен лимит на гост</translation>
    </message>
    <message>
        <source>Bill {bill} has nothing to invoice</source>
        <translation>По сметка {bill} няма какво да се фактурира</translation>
    </message>
    <message>
        <source>Bill {bill} holds an amount in {currency}: an invoice is in the hotel&apos;s currency, {base}</source>
        <translation>Сметка {bill} съдържа сума в {currency}: фактурата е във валутата на хотела, {base}</translation>
    </message>
    <message>
        <source>Bill {bill} is already on invoice {invoice}: issue a credit note for the whole invoice before invoicing the bill again</source>
        <translation>Сметка {bill} вече е във фактура {invoice}: издайте кредитно известие за цялата фактура, преди да я фактурирате отново</translation>
    </message>
    <message>
        <source>Bill {bill} is another buyer&apos;s: one invoice is for one buyer&apos;s bills</source>
        <translation>Сметка {bill} е на друг получател: една фактура е за сметките на един получател</translation>
    </message>
    <message>
        <source>Choose the bills to invoice</source>
        <translation>Изберете сметките за фактуриране</translation>
    </message>
    <message>
        <source>Company {company} has no account</source>
        <translation>Фирма {company} няма сметка</translation>
    </message>
    <message>
        <source>Credit either an amount or chosen lines, not both</source>
        <translation>Кредитирайте или сума, или избрани редове, не и двете</translation>
    </message>
    <message>
        <source>Invoice {invoice} has no line {line}</source>
        <translation>Фактура {invoice} няма ред {line}</translation>
    </message>
    <message>
        <source>Invoice {invoice} has {left} left to credit: {amount} is more</source>
        <translation>По фактура {invoice} остават {left} за кредитиране: {amount} е повече</translation>
    </message>
    <message>
        <source>Invoice {invoice} is credited in full</source>
        <translation>Фактура {invoice} е кредитирана изцяло</translation>
    </message>
    <message>
        <source>Invoice {number} does not match what was issued: its record was changed</source>
        <translation>Фактура {number} не съвпада с издадената: записът е променен</translation>
    </message>
    <message>
        <source>Line {line} of invoice {invoice} has {left} left to credit: {amount} is more</source>
        <translation>По ред {line} на фактура {invoice} остават {left} за кредитиране: {amount} е повече</translation>
    </message>
    <message>
        <source>Say why the invoice is credited</source>
        <translation>Посочете основанието за кредитното известие</translation>
    </message>
    <message>
        <source>The company has no bill to invoice</source>
        <translation>Фирмата няма сметки за фактуриране</translation>
    </message>
    <message>
        <source>The invoice is in {currency}</source>
        <translation>Фактурата е в {currency}</translation>
    </message>
    <message>
        <source>{value} is not a list of lines such as 1,3 or 2:50.00</source>
        <translation>{value} не е списък на редове като 1,3 или 2:50.00</translation>
    </message>
    <message>
        <source>{value} is not a list of numbers such as 1,2</source>
        <translation>{value} не е списък на номера като 1,2</translation>
    </message>
    <message>
        <source>A credit note credits a positive amount</source>
        <translation>Кредитното известие е за положителна сума</translation>
    </message>
    <message>
        <source>There is no invoice {number}</source>
        <translation>Няма фактура {number}</translation>
    </message>
    <message>
        <source>issue a credit note</source>
        <translation>издаде кредитно известие</translation>
    </message>
    <message>
        <source>issue an invoice</source>
        <translation>издаде фактура</translation>
    </message>
    <message>
        <source>Enter the operator&apos;s reference for it</source>
        <translation>Въведете референцията на операцията при оператора</translation>
    </message>
    <message>
        <source>The desk could not reach {operator} at {address}: {reason}</source>
        <translation>Няма връзка с {operator} на адрес {address}: {reason}</translation>
    </message>
    <message>
        <source>{operator} refused the account or the key: {reason}</source>
        <translation>{operator} отхвърли сметката или ключа: {reason}</translation>
    </message>
    <message>
        <source>A card is saved from the operator&apos;s card page or from the terminal</source>
        <translation>Карта се запазва от страницата на оператора или от терминала</translation>
    </message>
    <message>
        <source>A card saved by hand cannot be recorded: settle it as not done and save the card again</source>
        <translation>Карта, запазена ръчно, не може да се запише: отбележете операцията като неизвършена и запазете картата отново</translation>
    </message>
    <message>
        <source>The operator must show {amount}, the amount it was asked for</source>
        <translation>Операторът трябва да показва {amount} — сумата, която е поискана</translation>
    </message>
    <message>
        <source>This looks like a card number: enter the operator&apos;s reference, never the card</source>
        <translation>Това прилича на номер на карта: въведете референцията при оператора, никога картата</translation>
    </message>
    <message>
        <source>Keep from 1 to {most} backups</source>
        <translation>Пазете от 1 до {most} резервни копия</translation>
    </message>
    <message>
        <source>No backup folder is set: a manager sets it and how many backups to keep first</source>
        <translation>Не е зададена папка за резервни копия: първо мениджър задава нея и колко копия да се пазят</translation>
    </message>
    <message>
        <source>Only the role that owns the desk&apos;s tables may restore them (a restore replaces the schema); this connection is {role}: run desk restore with the owner&apos;s database address</source>
        <translation>Само ролята, която притежава таблиците, може да ги възстанови (възстановяването заменя схемата); тази връзка е {role}: стартирайте desk restore с адреса на базата данни на собственика</translation>
    </message>
    <message>
        <source>The anchor file {file} cannot be read, so the backup cannot be checked: {reason}</source>
        <translation>Файлът с котви {file} не може да се прочете, затова резервното копие не може да се провери: {reason}</translation>
    </message>
    <message>
        <source>The backup folder must be a full path, such as /var/backups/desk</source>
        <translation>Папката за резервни копия трябва да е пълен път, например /var/backups/desk</translation>
    </message>
    <message>
        <source>The key file of register {register} is not on this machine: copy it to {path} from the workstation where the register&apos;s documents were signed before restoring; nothing was replaced</source>
        <translation>Файлът с ключа на каса {register} не е на този компютър: преди възстановяването го копирайте в {path} от работното място, където са подписвани документите на касата; нищо не е заменено</translation>
    </message>
    <message>
        <source>{file} does not hold what was written, and nothing was replaced: {found}</source>
        <translation>{file} не съдържа записаното; нищо не е заменено: {found}</translation>
    </message>
    <message>
        <source>{file} is older than the audit trail&apos;s last anchor: the trail&apos;s later anchored entries are missing (entries {first} to {last}, anchored by the night audit of {date}). Restoring it loses them: a manager must confirm the restore</source>
        <translation>{file} е по-старо от последната котва на одитния дневник: липсват по-късните закотвени записи на дневника (записи от {first} до {last}, закотвени от нощния одит за {date}). Възстановяването ще ги загуби: мениджър трябва да потвърди възстановяването</translation>
    </message>
    <message>
        <source>{file} is older than the last Z report of register {register}: its fiscal documents {first} to {last} are missing. Restoring it loses them: a manager must confirm the restore</source>
        <translation>{file} е по-старо от последния Z отчет на касата {register}: липсват фискалните ѝ документи от {first} до {last}. Възстановяването ще ги загуби: мениджър трябва да потвърди възстановяването</translation>
    </message>
    <message>
        <source>A backup is checked in a scratch database, {name}, which {role} may not create: give the role CREATEDB, or have the server&apos;s administrator create {name} owned by {role}</source>
        <translation>Резервното копие се проверява във временна база данни {name}, която ролята {role} не може да създаде: дайте на ролята CREATEDB или помолете администратора на сървъра да създаде {name} със собственик {role}</translation>
    </message>
    <message>
        <source>The scratch database could not be emptied: {reason}</source>
        <translation>Временната база данни не можа да се изпразни: {reason}</translation>
    </message>
    <message>
        <source>restore a backup older than the last anchored entries</source>
        <translation>възстановява резервно копие, по-старо от последните закотвени записи</translation>
    </message>
    <message>
        <source>the register recorded the receipt but did not print it; check its paper and cover</source>
        <translation>касата регистрира бона, но не го отпечата; проверете хартията и капака</translation>
    </message>
</context>
<context>
    <name>DeskText</name>
    <message>
        <source>Bill {bill}, {payer}</source>
        <translation>Сметка {bill}, {payer}</translation>
    </message>
    <message>
        <source>From deposit</source>
        <translation>От депозита</translation>
    </message>
    <message>
        <source>Payment {payment} refunded outside the desk</source>
        <translation>Плащане {payment} е възстановено извън касата</translation>
    </message>
    <message>
        <source>Refund of payment {payment}</source>
        <translation>Възстановяване на плащане {payment}</translation>
    </message>
    <message>
        <source>Refund of payment {payment}: {card}</source>
        <translation>Възстановяване на плащане {payment}: {card}</translation>
    </message>
    <message>
        <source>Reversal of payment {payment}: {card}</source>
        <translation>Сторниране на плащане {payment}: {card}</translation>
    </message>
    <message>
        <source>Reversal of the transfer to {company}</source>
        <translation>Отмяна на прехвърлянето към {company}</translation>
    </message>
    <message>
        <source>To bill {bill}</source>
        <translation>Към сметка {bill}</translation>
    </message>
    <message>
        <source>To the account of {company}</source>
        <translation>По сметката на {company}</translation>
    </message>
    <message>
        <source>Void of payment {payment}</source>
        <translation>Анулиране на плащане {payment}</translation>
    </message>
    <message>
        <source>auth {auth}</source>
        <translation>код за авторизация {auth}</translation>
    </message>
    <message>
        <source>receipt {receipt}</source>
        <translation>бележка {receipt}</translation>
    </message>
    <message>
        <source>trace {trace}</source>
        <translation>номер на операция {trace}</translation>
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
        <translation>не отговаря</translation>
    </message>
    <message>
        <source>cover open</source>
        <translation>капакът е отворен</translation>
    </message>
    <message>
        <source>paper out</source>
        <translation>няма хартия</translation>
    </message>
    <message>
        <source>not ready, cutter jammed</source>
        <translation>не е готов, ножът е заседнал</translation>
    </message>
    <message>
        <source>not ready, printing unit fault</source>
        <translation>не е готов, повреда в печатащия механизъм</translation>
    </message>
    <message>
        <source>not ready, print head overheated</source>
        <translation>не е готов, печатащата глава е прегряла</translation>
    </message>
    <message>
        <source>offline</source>
        <translation>извън линия</translation>
    </message>
    <message>
        <source>ready, paper low</source>
        <translation>готов, хартията свършва</translation>
    </message>
    <message>
        <source>ready</source>
        <translation>готов</translation>
    </message>
    <message>
        <source>drawer open</source>
        <translation>чекмеджето е отворено</translation>
    </message>
    <message>
        <source>drawer closed</source>
        <translation>чекмеджето е затворено</translation>
    </message>
    <message>
        <source>Cash drawer</source>
        <translation>Чекмедже за пари</translation>
    </message>
    <message>
        <source>The payment is recorded, but the cash drawer did not open: {error}</source>
        <translation>Плащането е записано, но чекмеджето не се отвори: {error}</translation>
    </message>
    <message>
        <source>The drawer was told to open, but the printer reports it closed.</source>
        <translation>Чекмеджето получи команда да се отвори, но принтерът съобщава, че е затворено.</translation>
    </message>
    <message>
        <source>The cash drawer did not open: {error}</source>
        <translation>Чекмеджето не се отвори: {error}</translation>
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
        <translation>&amp;Работно място:</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Име</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Адрес</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Модел</translation>
    </message>
    <message>
        <source>Paper</source>
        <translation>Хартия</translation>
    </message>
    <message>
        <source>Register</source>
        <translation>Каса</translation>
    </message>
    <message>
        <source>Drawer</source>
        <translation>Чекмедже</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Състояние</translation>
    </message>
    <message>
        <source>&amp;Add…</source>
        <translation>&amp;Добави…</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Промени…</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Премахни</translation>
    </message>
    <message>
        <source>Print &amp;test page</source>
        <translation>Печат на &amp;тестова страница</translation>
    </message>
    <message>
        <source>Refresh &amp;status</source>
        <translation>Обнови &amp;състоянието</translation>
    </message>
    <message>
        <source>&lt;b&gt;Card terminals&lt;/b&gt;</source>
        <translation>&lt;b&gt;Картови терминали&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>Валута</translation>
    </message>
    <message>
        <source>Add &amp;terminal…</source>
        <translation>Добави &amp;терминал…</translation>
    </message>
    <message>
        <source>Remove t&amp;erminal</source>
        <translation>Премахни т&amp;ерминал</translation>
    </message>
    <message>
        <source>The terminal prints its &amp;own slips</source>
        <translation>Терминалът печата слиповете &amp;сам</translation>
    </message>
    <message>
        <source>Otherwise the guest&apos;s slip comes out of this workstation&apos;s receipt printer</source>
        <translation>Иначе слипът на госта се печата на касовия принтер на това работно място</translation>
    </message>
    <message>
        <source>Print the &amp;merchant&apos;s copy too</source>
        <translation>Печат и на копието за &amp;хотела</translation>
    </message>
    <message>
        <source>The receipt printer prints the hotel&apos;s copy of each card slip after the guest&apos;s</source>
        <translation>Касовият принтер печата копието за хотела след това на госта</translation>
    </message>
    <message>
        <source>text as image</source>
        <translation>текст като изображение</translation>
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
        <translation>проверка…</translation>
    </message>
    <message>
        <source>Printing a test page on {printer}…</source>
        <translation>Печат на тестова страница на {printer}…</translation>
    </message>
    <message>
        <source>Test page printed on {printer}.</source>
        <translation>Тестовата страница е отпечатана на {printer}.</translation>
    </message>
    <message>
        <source>The test page did not print on {printer}: {error}</source>
        <translation>Тестовата страница не се отпечата на {printer}: {error}</translation>
    </message>
</context>
<context>
    <name>Dialogs</name>
    <message>
        <source>The amount cannot be negative.</source>
        <translation>Сумата не може да е отрицателна.</translation>
    </message>
    <message>
        <source>The amount must be more than zero.</source>
        <translation>Сумата трябва да е по-голяма от нула.</translation>
    </message>
    <message>
        <source>The amount is too large.</source>
        <translation>Сумата е твърде голяма.</translation>
    </message>
    <message>
        <source>{currency} amounts have no decimals.</source>
        <translation>Сумите в {currency} нямат десетични знаци.</translation>
    </message>
    <message>
        <source>{currency} amounts have at most {digits} decimals.</source>
        <translation>Сумите в {currency} имат най-много {digits} десетични знака.</translation>
    </message>
    <message>
        <source>At most {amount}.</source>
        <translation>Най-много {amount}.</translation>
    </message>
    <message>
        <source>The quantity must be more than zero.</source>
        <translation>Количеството трябва да е по-голямо от нула.</translation>
    </message>
    <message>
        <source>The quantity is too large.</source>
        <translation>Количеството е твърде голямо.</translation>
    </message>
    <message>
        <source>A quantity has at most 3 decimals.</source>
        <translation>Количеството има най-много 3 десетични знака.</translation>
    </message>
    <message>
        <source>Bill {number} · {payer}</source>
        <translation>Сметка {number} · {payer}</translation>
    </message>
    <message>
        <source>Bill {number} · {payer} · balance {balance}</source>
        <translation>Сметка {number} · {payer} · салдо {balance}</translation>
    </message>
    <message>
        <source>This needs a manager&apos;s approval: the manager types their user name and password below, then Apply.</source>
        <translation>Нужно е одобрение от мениджър: мениджърът въвежда по-долу потребителското си име и парола, после „Приложи“.</translation>
    </message>
    <message>
        <source>Am&amp;ount:</source>
        <translation>Су&amp;ма:</translation>
    </message>
    <message>
        <source>Manager&apos;s &amp;user name:</source>
        <translation>&amp;Потребителско име на мениджъра:</translation>
    </message>
    <message>
        <source>Pass&amp;word:</source>
        <translation>Па&amp;рола:</translation>
    </message>
    <message>
        <source>A manager must sign this.</source>
        <translation>Необходим е подпис на мениджър.</translation>
    </message>
    <message>
        <source>Enter the manager&apos;s password.</source>
        <translation>Въведете паролата на мениджъра.</translation>
    </message>
</context>
<context>
    <name>Documents</name>
    <message>
        <source>Front desk</source>
        <translation>Рецепция</translation>
    </message>
</context>
<context>
    <name>EmailDocument</name>
    <message>
        <source>The mail server refused the connection</source>
        <translation>Пощенският сървър отказа връзката</translation>
    </message>
    <message>
        <source>The mail server refused the user and password</source>
        <translation>Пощенският сървър не прие потребителя и паролата</translation>
    </message>
    <message>
        <source>The mail server did not answer in time</source>
        <translation>Пощенският сървър не отговори навреме</translation>
    </message>
    <message>
        <source>The mail server&apos;s certificate is not trusted</source>
        <translation>Сертификатът на пощенския сървър не е доверен</translation>
    </message>
    <message>
        <source>The mail server refused the recipient</source>
        <translation>Пощенският сървър отказа получателя</translation>
    </message>
    <message>
        <source>The mail server did not take the e-mail</source>
        <translation>Пощенският сървър не прие писмото</translation>
    </message>
</context>
<context>
    <name>EmailDocumentDialog</name>
    <message>
        <source>E-mail folio</source>
        <translation>Изпращане на фолио по имейл</translation>
    </message>
    <message>
        <source>&amp;Send</source>
        <translation>&amp;Изпрати</translation>
    </message>
    <message>
        <source>Folio {owner}</source>
        <translation>Фолио {owner}</translation>
    </message>
    <message>
        <source>The whole folio</source>
        <translation>Цялото фолио</translation>
    </message>
    <message>
        <source>Bill {number} ({payer})</source>
        <translation>Сметка {number} ({payer})</translation>
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
        <translation>&amp;Имейл адрес:</translation>
    </message>
    <message>
        <source>&amp;Language of the document:</source>
        <translation>&amp;Език на документа:</translation>
    </message>
    <message>
        <source>The PDF is made now, as the folio stands, and sent in the background; the list below shows whether the mail server took it.</source>
        <translation>PDF се създава сега, според текущото състояние на фолиото, и се изпраща във фонов режим; списъкът по-долу показва дали пощенският сървър го е приел.</translation>
    </message>
    <message>
        <source>Queued</source>
        <translation>Поставено</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>Документ</translation>
    </message>
    <message>
        <source>To</source>
        <translation>До</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Състояние</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Грешка</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>О&amp;бнови</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Затвори</translation>
    </message>
    <message>
        <source>Credit note {number}</source>
        <translation>Кредитно известие {number}</translation>
    </message>
    <message>
        <source>Invoice {number}</source>
        <translation>Фактура {number}</translation>
    </message>
    <message>
        <source>sent {when}</source>
        <translation>изпратено {when}</translation>
    </message>
    <message>
        <source>not sent yet, tried {count} times</source>
        <translation>още не е изпратено, опити: {count}</translation>
    </message>
    <message>
        <source>queued</source>
        <translation>на опашка</translation>
    </message>
    <message>
        <source>Folio</source>
        <translation>Фолио</translation>
    </message>
    <message>
        <source>Bill {number}</source>
        <translation>Сметка {number}</translation>
    </message>
    <message>
        <source>Invoice</source>
        <translation>Фактура</translation>
    </message>
    <message>
        <source>{email} is not an e-mail address</source>
        <translation>{email} не е имейл адрес</translation>
    </message>
</context>
<context>
    <name>FolioTableModel</name>
    <message>
        <source>Room</source>
        <translation>Стая</translation>
    </message>
    <message>
        <source>Guests / name</source>
        <translation>Гости / име</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Номер</translation>
    </message>
    <message>
        <source>Arrival</source>
        <translation>Пристигане</translation>
    </message>
    <message>
        <source>Departure</source>
        <translation>Заминаване</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>Фирма</translation>
    </message>
    <message>
        <source>Balance</source>
        <translation>Салдо</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Вид</translation>
    </message>
    <message>
        <source>Confirmed</source>
        <translation>Потвърдена</translation>
    </message>
    <message>
        <source>In house</source>
        <translation>Настанен</translation>
    </message>
    <message>
        <source>Checked out</source>
        <translation>Напуснал</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Анулирана</translation>
    </message>
    <message>
        <source>No-show</source>
        <translation>Неявяване</translation>
    </message>
    <message>
        <source>Reservation</source>
        <translation>Резервация</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Събитие</translation>
    </message>
    <message>
        <source>Walk-in client</source>
        <translation>Клиент без резервация</translation>
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
        <translation>Лична карта</translation>
    </message>
    <message>
        <source>Driving licence</source>
        <translation>Шофьорска книжка</translation>
    </message>
    <message>
        <source>Other document</source>
        <translation>Друг документ</translation>
    </message>
    <message>
        <source>Guest · {name}</source>
        <translation>Гост · {name}</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Запази</translation>
    </message>
    <message>
        <source>First &amp;name:</source>
        <translation>&amp;Име:</translation>
    </message>
    <message>
        <source>&amp;Last name:</source>
        <translation>&amp;Фамилия:</translation>
    </message>
    <message>
        <source>&amp;E-mail:</source>
        <translation>&amp;Имейл:</translation>
    </message>
    <message>
        <source>&amp;Phone:</source>
        <translation>&amp;Телефон:</translation>
    </message>
    <message>
        <source>B&amp;orn on:</source>
        <translation>Р&amp;оден на:</translation>
    </message>
    <message>
        <source>Empty: the guest pays it</source>
        <translation>Празно: гостът плаща данъка</translation>
    </message>
    <message>
        <source>No city ta&amp;x because:</source>
        <translation>Без туристически данък, &amp;защото:</translation>
    </message>
    <message>
        <source>&amp;Remove document</source>
        <translation>&amp;Премахни документа</translation>
    </message>
    <message>
        <source>Ne&amp;w document</source>
        <translation>&amp;Нов документ</translation>
    </message>
    <message>
        <source>The night audit charges the city tax by these details from the next night it posts; nights already posted keep theirs. A document corrected or removed stays in the audit trail as it was.</source>
        <translation>Нощният одит начислява туристическия данък по тези данни от следващата нощ; вече начислените нощи остават както са. Поправен или премахнат документ остава в одитния дневник такъв, какъвто беше.</translation>
    </message>
    <message>
        <source>None recorded</source>
        <translation>Няма записани</translation>
    </message>
    <message>
        <source>Correct the doc&amp;ument:</source>
        <translation>Поправи доку&amp;мента:</translation>
    </message>
    <message>
        <source>Documents:</source>
        <translation>Документи:</translation>
    </message>
    <message>
        <source>Add a doc&amp;ument:</source>
        <translation>Добави &amp;документ:</translation>
    </message>
    <message>
        <source>Document nu&amp;mber:</source>
        <translation>Н&amp;омер на документа:</translation>
    </message>
    <message>
        <source>BG</source>
        <translation>BG</translation>
    </message>
    <message>
        <source>Issuing countr&amp;y:</source>
        <translation>Дър&amp;жава на издаване:</translation>
    </message>
    <message>
        <source>&amp;Issued on:</source>
        <translation>И&amp;здаден на:</translation>
    </message>
    <message>
        <source>The night audit charges the city tax by these details from the next night it posts; nights already posted keep theirs.</source>
        <translation type="vanished">Нощният одит начислява туристическия данък по тези данни от следващата нощ, която осчетоводява; вече осчетоводените нощи остават както са.</translation>
    </message>
    <message>
        <source>Type the guest&apos;s name.</source>
        <translation>Въведете името на госта.</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>Import from a CSV file</source>
        <translation>Импорт от файл CSV</translation>
    </message>
    <message>
        <source>Rooms</source>
        <translation>Стаи</translation>
    </message>
    <message>
        <source>Services</source>
        <translation>Услуги</translation>
    </message>
    <message>
        <source>Companies</source>
        <translation>Фирми</translation>
    </message>
    <message>
        <source>Guests</source>
        <translation>Гости</translation>
    </message>
    <message>
        <source>Reservations</source>
        <translation>Резервации</translation>
    </message>
    <message>
        <source>&amp;What:</source>
        <translation>&amp;Какво:</translation>
    </message>
    <message>
        <source>&amp;Choose…</source>
        <translation>&amp;Избор…</translation>
    </message>
    <message>
        <source>&amp;File:</source>
        <translation>&amp;Файл:</translation>
    </message>
    <message>
        <source>The first line names the columns. UTF-8 (Excel: &quot;CSV UTF-8&quot;), values separated by ; or ,. If any line is refused, nothing is imported and every line at fault is listed.</source>
        <translation>Първият ред назовава колоните. UTF-8 (в Excel: „CSV UTF-8“), стойности, разделени с ; или ,. Ако и един ред бъде отказан, нищо не се импортира и се изброяват всички грешни редове.</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>&amp;Импортирай</translation>
    </message>
    <message>
        <source>&amp;Dry run</source>
        <translation>&amp;Пробно изпълнение</translation>
    </message>
    <message>
        <source>Columns: {required} (optional: {optional}).</source>
        <translation>Колони: {required} (незадължителни: {optional}).</translation>
    </message>
    <message>
        <source>Columns: {required}.</source>
        <translation>Колони: {required}.</translation>
    </message>
    <message>
        <source>Columns: {required}</source>
        <translation type="vanished">Колони: {required}</translation>
    </message>
    <message>
        <source>(optional: {optional})</source>
        <translation type="vanished">(незадължителни: {optional})</translation>
    </message>
    <message>
        <source>Reservations go in row by row: a line refused is listed and the others go in; a reservation imported again by its external id is updated, never doubled. The status is one of {statuses}; {in_house} needs its room, and an arrival before the business date is one of {past}.</source>
        <translation>Резервациите се зареждат ред по ред: отхвърленият ред се показва, а останалите се зареждат; резервация, импортирана отново по външния си идентификатор, се обновява и никога не се дублира. Статусът е един от {statuses}; {in_house} изисква стая, а пристигане преди работната дата е един от {past}.</translation>
    </message>
    <message>
        <source>line {line}: {external_id} {outcome}, {status} ({number})</source>
        <translation>ред {line}: {external_id} — {outcome}, {status} ({number})</translation>
    </message>
    <message>
        <source>Reservations go in row by row: a line refused is listed and the others go in; a reservation imported again by its external id is updated, never doubled.</source>
        <translation type="vanished">Резервациите се зареждат ред по ред: отхвърленият ред се показва, а останалите се зареждат; резервация, импортирана отново по външния си идентификатор, се обновява и никога не се дублира.</translation>
    </message>
    <message>
        <source>Import from</source>
        <translation>Импорт от</translation>
    </message>
    <message>
        <source>CSV files (*.csv);;All files (*)</source>
        <translation>Файлове CSV (*.csv);;Всички файлове (*)</translation>
    </message>
    <message>
        <source>new</source>
        <translation>нова</translation>
    </message>
    <message>
        <source>changed</source>
        <translation>променена</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>анулирана</translation>
    </message>
    <message>
        <source>unchanged</source>
        <translation>без промяна</translation>
    </message>
    <message>
        <source>Would import: {new} new, {changed} changed, {cancelled} cancelled, {unchanged} unchanged, {refused} refused. Nothing was written.</source>
        <translation>Ще бъдат импортирани: нови {new}, променени {changed}, анулирани {cancelled}, без промяна {unchanged}, отхвърлени {refused}. Нищо не е записано.</translation>
    </message>
    <message>
        <source>Imported: {new} new, {changed} changed, {cancelled} cancelled, {unchanged} unchanged, {refused} refused.</source>
        <translation>Импортирани: нови {new}, променени {changed}, анулирани {cancelled}, без промяна {unchanged}, отхвърлени {refused}.</translation>
    </message>
    <message>
        <source>line {line}: {external_id} {outcome} ({number})</source>
        <translation type="vanished">ред {line}: {external_id} — {outcome} ({number})</translation>
    </message>
    <message>
        <source>Imported: {count}.</source>
        <translation>Импортирани: {count}.</translation>
    </message>
    <message>
        <source>line {line}: {problem}</source>
        <translation>ред {line}: {problem}</translation>
    </message>
</context>
<context>
    <name>InvoiceSellerDialog</name>
    <message>
        <source>Invoice details</source>
        <translation>Данни за фактурите</translation>
    </message>
    <message>
        <source>What invoices issued from now on say of the hotel as seller. Invoices already issued keep what they said.</source>
        <translation>Какво пише за хотела като доставчик във фактурите, издадени от сега нататък. Вече издадените фактури остават непроменени.</translation>
    </message>
    <message>
        <source>&amp;Address:</source>
        <translation>&amp;Адрес:</translation>
    </message>
    <message>
        <source>&amp;City:</source>
        <translation>&amp;Град:</translation>
    </message>
    <message>
        <source>&amp;Tax ID (company number):</source>
        <translation>&amp;ЕИК:</translation>
    </message>
    <message>
        <source>&amp;VAT number:</source>
        <translation>&amp;ДДС номер:</translation>
    </message>
    <message>
        <source>Accountable &amp;person:</source>
        <translation>&amp;МОЛ:</translation>
    </message>
</context>
<context>
    <name>Invoices</name>
    <message>
        <source>Credit note</source>
        <translation>Кредитно известие</translation>
    </message>
    <message>
        <source>Invoice</source>
        <translation>Фактура</translation>
    </message>
</context>
<context>
    <name>InvoicesDialog</name>
    <message>
        <source>Invoices</source>
        <translation>Фактури</translation>
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
        <translation>Издадена</translation>
    </message>
    <message>
        <source>Buyer</source>
        <translation>Получател</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Сума</translation>
    </message>
    <message>
        <source>Credits invoice</source>
        <translation>Към фактура</translation>
    </message>
    <message>
        <source>Left to credit</source>
        <translation>Остава за кредитиране</translation>
    </message>
    <message>
        <source>Open &amp;PDF</source>
        <translation>Отваряне на &amp;PDF</translation>
    </message>
    <message>
        <source>&amp;Credit note…</source>
        <translation>&amp;Кредитно известие…</translation>
    </message>
    <message>
        <source>&amp;New invoice for a company…</source>
        <translation>&amp;Нова фактура за фирма…</translation>
    </message>
    <message>
        <source>Invoice &amp;details…</source>
        <translation>&amp;Данни за фактурите…</translation>
    </message>
    <message>
        <source>&amp;From:</source>
        <translation type="vanished">&amp;От:</translation>
    </message>
    <message>
        <source>&amp;To:</source>
        <translation type="vanished">&amp;До:</translation>
    </message>
    <message>
        <source>any part of the buyer&apos;s name</source>
        <translation>част от името на получателя</translation>
    </message>
    <message>
        <source>&amp;Show</source>
        <translation>&amp;Покажи</translation>
    </message>
    <message>
        <source>Buyer:</source>
        <translation>Получател:</translation>
    </message>
    <message>
        <source>Number:</source>
        <translation>Номер:</translation>
    </message>
    <message>
        <source>Only the newest {count} are shown: narrow the search by date, buyer or number.</source>
        <translation>Показани са само последните {count}: стеснете търсенето по дата, купувач или номер.</translation>
    </message>
    <message>
        <source>Saved as {path}</source>
        <translation>Запазено като {path}</translation>
    </message>
    <message>
        <source>Invoice details saved</source>
        <translation>Данните за фактурите са запазени</translation>
    </message>
    <message>
        <source>Credit note {number} issued</source>
        <translation>Издадено кредитно известие {number}</translation>
    </message>
</context>
<context>
    <name>MailSettingsDialog</name>
    <message>
        <source>E-mail</source>
        <translation>Електронна поща</translation>
    </message>
    <message>
        <source>Electronic receipts are sent to guests through the hotel&apos;s mail server (SMTP).</source>
        <translation>Електронните касови бележки се изпращат на гостите през пощенския сървър на хотела (SMTP).</translation>
    </message>
    <message>
        <source>Mail &amp;server:</source>
        <translation>Пощенски &amp;сървър:</translation>
    </message>
    <message>
        <source>&amp;Port:</source>
        <translation>&amp;Порт:</translation>
    </message>
    <message>
        <source>STARTTLS (usually port 587)</source>
        <translation>STARTTLS (обикновено порт 587)</translation>
    </message>
    <message>
        <source>TLS (usually port 465)</source>
        <translation>TLS (обикновено порт 465)</translation>
    </message>
    <message>
        <source>None: not encrypted (usually port 25)</source>
        <translation>Без: некриптирано (обикновено порт 25)</translation>
    </message>
    <message>
        <source>S&amp;ecurity:</source>
        <translation>&amp;Защита:</translation>
    </message>
    <message>
        <source>empty if the server asks for no login</source>
        <translation>празно, ако сървърът не изисква вход</translation>
    </message>
    <message>
        <source>&amp;User:</source>
        <translation>П&amp;отребител:</translation>
    </message>
    <message>
        <source>Pass&amp;word:</source>
        <translation>Паро&amp;ла:</translation>
    </message>
    <message>
        <source>&amp;Forget the saved password</source>
        <translation>За&amp;брави записаната парола</translation>
    </message>
    <message>
        <source>Se&amp;nder address:</source>
        <translation>&amp;Адрес на подателя:</translation>
    </message>
    <message>
        <source>Trusted certificates:</source>
        <translation>Доверени сертификати:</translation>
    </message>
    <message>
        <source>Hotel &amp;CA file…</source>
        <translation>&amp;Файл на CA на хотела…</translation>
    </message>
    <message>
        <source>Trust the certificates of the hotel&apos;s own certificate authority too (a PEM file), for a mail server inside the hotel.</source>
        <translation>Доверявай се и на сертификатите от собствения удостоверяващ орган на хотела (файл PEM) — за пощенски сървър в хотела.</translation>
    </message>
    <message>
        <source>System &amp;only</source>
        <translation>Само системн&amp;ите</translation>
    </message>
    <message>
        <source>Test e-mail</source>
        <translation>Пробно писмо</translation>
    </message>
    <message>
        <source>Send &amp;to:</source>
        <translation>&amp;До:</translation>
    </message>
    <message>
        <source>Send test e-&amp;mail</source>
        <translation>Изп&amp;рати пробно писмо</translation>
    </message>
    <message>
        <source>Uses the settings above as typed, saved or not.</source>
        <translation>Използва настройките по-горе както са въведени, записани или не.</translation>
    </message>
    <message>
        <source>saved: leave empty to keep it</source>
        <translation>записана: оставете празно, за да остане</translation>
    </message>
    <message>
        <source>On this workstation the password comes from {variable} in the environment; it is used instead of a password saved here.</source>
        <translation>На това работно място паролата идва от променливата на средата {variable}; тя се използва вместо записаната тук парола.</translation>
    </message>
    <message>
        <source>The password is saved encrypted; its key is the file {path}, outside the database. Every workstation that sends e-receipts needs a copy of that file.</source>
        <translation>Паролата е записана криптирана; ключът ѝ е файлът {path}, извън базата данни. Всяко работно място, което изпраща електронни бележки, има нужда от копие на този файл.</translation>
    </message>
    <message>
        <source>A password is saved, but this workstation cannot open it: the key file {path} is missing or another one. Copy it from the workstation where the password was saved, or type the password again.</source>
        <translation>Има записана парола, но това работно място не може да я отвори: файлът с ключ {path} липсва или е друг. Копирайте го от работното място, където паролата е записана, или въведете паролата отново.</translation>
    </message>
    <message>
        <source>A password typed here is saved encrypted, with a key in the file {path} (made on the first save) and never in the database. Copy that file to every workstation that sends e-receipts.</source>
        <translation>Въведената тук парола се записва криптирана, с ключ във файла {path} (създава се при първото записване), никога в базата данни. Копирайте този файл на всяко работно място, което изпраща електронни бележки.</translation>
    </message>
    <message>
        <source>The system&apos;s, and the hotel&apos;s CA: {subject}</source>
        <translation>Системните и CA на хотела: {subject}</translation>
    </message>
    <message>
        <source>The system&apos;s trusted certificates</source>
        <translation>Доверените сертификати на системата</translation>
    </message>
    <message>
        <source>The hotel&apos;s CA certificate</source>
        <translation>Сертификат на CA на хотела</translation>
    </message>
    <message>
        <source>Certificates (*.pem *.crt *.cer);;All files (*)</source>
        <translation>Сертификати (*.pem *.crt *.cer);;Всички файлове (*)</translation>
    </message>
    <message>
        <source>The e-mail settings are saved.</source>
        <translation>Настройките на пощата са записани.</translation>
    </message>
    <message>
        <source>Test e-mail from the front desk</source>
        <translation>Пробно писмо от рецепцията</translation>
    </message>
    <message>
        <source>This test e-mail was sent by {user} from workstation {workstation}. Electronic receipts will reach guests the same way.</source>
        <translation>Това пробно писмо е изпратено от {user} от работно място {workstation}. Електронните бележки ще стигнат до гостите по същия път.</translation>
    </message>
    <message>
        <source>Connecting to {host}:{port}…</source>
        <translation>Свързване с {host}:{port}…</translation>
    </message>
    <message>
        <source>Starting TLS…</source>
        <translation>Включване на TLS…</translation>
    </message>
    <message>
        <source>Logging in as {user}…</source>
        <translation>Вход като {user}…</translation>
    </message>
    <message>
        <source>Sending to {address}…</source>
        <translation>Изпращане до {address}…</translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation>Изпращане…</translation>
    </message>
    <message>
        <source>The mail server took the test e-mail to {address}.</source>
        <translation>Пощенският сървър прие пробното писмо до {address}.</translation>
    </message>
    <message>
        <source>Cancelled: the test e-mail was not sent.</source>
        <translation>Отказано: пробното писмо не е изпратено.</translation>
    </message>
    <message>
        <source>The test e-mail was not sent: {error}</source>
        <translation>Пробното писмо не е изпратено: {error}</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Front desk</source>
        <translation>Рецепция</translation>
    </message>
    <message>
        <source>Room, guest name, reservation number or company</source>
        <translation>Стая, име на гост, номер на резервация или фирма</translation>
    </message>
    <message>
        <source>&amp;Find:</source>
        <translation>&amp;Търсене:</translation>
    </message>
    <message>
        <source>&amp;In house only</source>
        <translation>&amp;Само настанените</translation>
    </message>
    <message>
        <source>&amp;Arrival on</source>
        <translation>&amp;Пристигане на</translation>
    </message>
    <message>
        <source>Only stays arriving on this day (and events starting on it)</source>
        <translation>Само престои с пристигане на този ден (и събития, започващи на него)</translation>
    </message>
    <message>
        <source>All</source>
        <translation>Всички</translation>
    </message>
    <message>
        <source>Reservations</source>
        <translation>Резервации</translation>
    </message>
    <message>
        <source>Companies</source>
        <translation>Фирми</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>Събития</translation>
    </message>
    <message>
        <source>Walk-in clients</source>
        <translation>Клиенти без резервация</translation>
    </message>
    <message>
        <source>&amp;Show:</source>
        <translation>&amp;Показване:</translation>
    </message>
    <message>
        <source>A&amp;rrivals today</source>
        <translation>Пристигащи &amp;днес</translation>
    </message>
    <message>
        <source>De&amp;partures today</source>
        <translation>&amp;Заминаващи днес</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Файл</translation>
    </message>
    <message>
        <source>&amp;New reservation…</source>
        <translation>&amp;Нова резервация…</translation>
    </message>
    <message>
        <source>New &amp;folio…</source>
        <translation>Ново &amp;фолио…</translation>
    </message>
    <message>
        <source>&amp;Open card</source>
        <translation>&amp;Отваряне на картон</translation>
    </message>
    <message>
        <source>S&amp;witch user…</source>
        <translation>С&amp;мяна на потребител…</translation>
    </message>
    <message>
        <source>&amp;Lock</source>
        <translation>&amp;Заключване</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Изход</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Изглед</translation>
    </message>
    <message>
        <source>&amp;Find</source>
        <translation>&amp;Търсене</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Опресняване</translation>
    </message>
    <message>
        <source>Room rac&amp;k</source>
        <translation>&amp;Шахматка на стаите</translation>
    </message>
    <message>
        <source>Check &amp;receipts</source>
        <translation>Проверка на &amp;касовите бележки</translation>
    </message>
    <message>
        <source>Pending register &amp;documents…</source>
        <translation>Неприключени &amp;документи на каси…</translation>
    </message>
    <message>
        <source>C&amp;ards</source>
        <translation>&amp;Карти</translation>
    </message>
    <message>
        <source>&amp;Pending card operations…</source>
        <translation>&amp;Незавършени операции с карти…</translation>
    </message>
    <message>
        <source>Open &amp;pre-authorisations…</source>
        <translation>Открити &amp;предварителни авторизации…</translation>
    </message>
    <message>
        <source>Terminal &amp;end of day…</source>
        <translation>&amp;Приключване на деня на терминала…</translation>
    </message>
    <message>
        <source>S&amp;ettings</source>
        <translation>&amp;Настройки</translation>
    </message>
    <message>
        <source>&amp;Rooms and room types…</source>
        <translation>&amp;Стаи и типове стаи…</translation>
    </message>
    <message>
        <source>&amp;E-mail…</source>
        <translation>&amp;Електронна поща…</translation>
    </message>
    <message>
        <source>&amp;POS connections…</source>
        <translation>&amp;Връзки с POS…</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Помощ</translation>
    </message>
    <message>
        <source>&amp;About</source>
        <translation>&amp;Относно</translation>
    </message>
    <message>
        <source>&amp;Shift</source>
        <translation>&amp;Смяна</translation>
    </message>
    <message>
        <source>&amp;Open shift…</source>
        <translation>&amp;Откриване на смяна…</translation>
    </message>
    <message>
        <source>Cash &amp;in…</source>
        <translation>&amp;Служебно въвеждане…</translation>
    </message>
    <message>
        <source>Cash &amp;out…</source>
        <translation>Служебно &amp;извеждане…</translation>
    </message>
    <message>
        <source>&amp;X report</source>
        <translation>&amp;X отчет</translation>
    </message>
    <message>
        <source>&amp;Close shift…</source>
        <translation>&amp;Закриване на смяна…</translation>
    </message>
    <message>
        <source>Open &amp;drawer</source>
        <translation>Отвори &amp;чекмеджето</translation>
    </message>
    <message>
        <source>&amp;Devices…</source>
        <translation>&amp;Устройства…</translation>
    </message>
    <message>
        <source>Shift {number} · {name} · since {time}</source>
        <translation type="vanished">Смяна {number} · {name} · от {time}</translation>
    </message>
    <message>
        <source>Drawer: {amounts}</source>
        <translation>В касата: {amounts}</translation>
    </message>
    <message>
        <source>over 24 hours: close it before taking cash</source>
        <translation>над 24 часа: закрийте я, преди да приемате пари в брой</translation>
    </message>
    <message>
        <source>Cash the drawer should hold now</source>
        <translation>Колко пари трябва да има в касата сега</translation>
    </message>
    <message>
        <source>Workstation: {name}</source>
        <translation>Работно място: {name}</translation>
    </message>
    <message>
        <source>{register}: no printer</source>
        <translation>{register}: няма принтер</translation>
    </message>
    <message>
        <source>{register}: {state}</source>
        <translation>{register}: {state}</translation>
    </message>
    <message>
        <source>No shift open</source>
        <translation>Няма отворена смяна</translation>
    </message>
    <message>
        <source>Default credit &amp;limit…</source>
        <translation>Кредитен &amp;лимит по подразбиране…</translation>
    </message>
    <message>
        <source>Shift {number} · since {time}</source>
        <translation>Смяна {number} · от {time}</translation>
    </message>
    <message>
        <source>Shift {number}, opened by {name} on {day} at {time}</source>
        <translation>Смяна {number}; отворена от {name} на {day} в {time}</translation>
    </message>
    <message>
        <source>No cash register</source>
        <translation>Няма фискално устройство</translation>
    </message>
    <message>
        <source>Database online</source>
        <translation>Базата данни е достъпна</translation>
    </message>
    <message>
        <source>Database offline</source>
        <translation>Базата данни е недостъпна</translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation>Търсене…</translation>
    </message>
    <message>
        <source>Nothing found</source>
        <translation>Нищо не е намерено</translation>
    </message>
    <message>
        <source>The first {count} found: narrow the search</source>
        <translation>Първите {count} намерени: стеснете търсенето</translation>
    </message>
    <message>
        <source>{count} found</source>
        <translation>Намерени: {count}</translation>
    </message>
    <message>
        <source>Search failed: {reason}</source>
        <translation>Търсенето е неуспешно: {reason}</translation>
    </message>
    <message>
        <source>About Front desk</source>
        <translation>Относно „Рецепция“</translation>
    </message>
    <message>
        <source>Front desk: the hotel cashier&apos;s workstation.
Find a stay, read its folio, take payments and refunds, print receipts.</source>
        <translation>Рецепция: работното място на хотелския касиер.
Намерете престой, прегледайте фолиото му, приемайте плащания и правете възстановявания, печатайте касови бележки.</translation>
    </message>
    <message>
        <source>&amp;Night audit…</source>
        <translation>&amp;Нощен одит…</translation>
    </message>
    <message>
        <source>&amp;Administration</source>
        <translation>&amp;Администриране</translation>
    </message>
    <message>
        <source>&amp;People…</source>
        <translation>&amp;Служители…</translation>
    </message>
    <message>
        <source>&amp;Services and payments…</source>
        <translation>&amp;Услуги и плащания…</translation>
    </message>
    <message>
        <source>&amp;City tax…</source>
        <translation>&amp;Туристически данък…</translation>
    </message>
    <message>
        <source>&amp;Import from a CSV file…</source>
        <translation>&amp;Импорт от файл CSV…</translation>
    </message>
    <message>
        <source>&amp;Back up the database…</source>
        <translation>&amp;Резервно копие на базата данни…</translation>
    </message>
    <message>
        <source>&amp;Reports</source>
        <translation>&amp;Отчети</translation>
    </message>
    <message>
        <source>&amp;Audit trail…</source>
        <translation>&amp;Одитна следа…</translation>
    </message>
    <message>
        <source>&amp;Invoices…</source>
        <translation>&amp;Фактури…</translation>
    </message>
    <message>
        <source>Card &amp;operators…</source>
        <translation>&amp;Оператори на карти…</translation>
    </message>
</context>
<context>
    <name>MakePaymentDialog</name>
    <message>
        <source>Make payment</source>
        <translation>Плащане</translation>
    </message>
    <message>
        <source>&amp;Apply</source>
        <translation>&amp;Прилагане</translation>
    </message>
    <message>
        <source>Balance: {balance}</source>
        <translation>Салдо: {balance}</translation>
    </message>
    <message>
        <source>&amp;Method:</source>
        <translation>&amp;Начин на плащане:</translation>
    </message>
    <message>
        <source>A card charged on a stand-alone terminal: type its reference (authorisation code) in Text.</source>
        <translation>Карта, таксувана на самостоятелен терминал: въведете номера (кода за оторизация) в „Текст“.</translation>
    </message>
    <message>
        <source>optional</source>
        <translation>по избор</translation>
    </message>
    <message>
        <source>&amp;Tendered:</source>
        <translation>П&amp;олучено:</translation>
    </message>
    <message>
        <source>Change due:</source>
        <translation>Ресто:</translation>
    </message>
    <message>
        <source>&amp;Payer:</source>
        <translation>&amp;Платец:</translation>
    </message>
    <message>
        <source>&amp;Date:</source>
        <translation>&amp;Дата:</translation>
    </message>
    <message>
        <source>Reference, e.g. the card terminal&apos;s authorisation code</source>
        <translation>Референция, напр. код за оторизация от терминала</translation>
    </message>
    <message>
        <source>Te&amp;xt:</source>
        <translation>Те&amp;кст:</translation>
    </message>
    <message>
        <source>P&amp;rint receipt</source>
        <translation>Пе&amp;чат на касова бележка</translation>
    </message>
    <message>
        <source>No payment method is configured for the desk.</source>
        <translation>За рецепцията не е настроен начин на плащане.</translation>
    </message>
    <message>
        <source>{method} — {terminal}</source>
        <translation>{method} — {terminal}</translation>
    </message>
    <message>
        <source>Apply sends the amount to {terminal}; the guest pays there with the card.</source>
        <translation>„Приложи“ изпраща сумата към {terminal}; гостът плаща там с картата.</translation>
    </message>
    <message>
        <source>{short} short</source>
        <translation>Не достигат {short}</translation>
    </message>
    <message>
        <source>Choose how the guest pays.</source>
        <translation>Изберете начин на плащане.</translation>
    </message>
    <message>
        <source>The guest handed over less than the amount.</source>
        <translation>Гостът даде по-малко от сумата.</translation>
    </message>
    <message>
        <source>{terminal} takes {currency} only.</source>
        <translation>{terminal} приема само {currency}.</translation>
    </message>
    <message>
        <source>The bill owes {owed}; take {amount} and leave {overpaid} overpaid?</source>
        <translation>Сметката дължи {owed}; да се приемат {amount} и да остане надплащане {overpaid}?</translation>
    </message>
    <message>
        <source>Overpayment</source>
        <translation>Надплащане</translation>
    </message>
    <message>
        <source>The bill owes {owed}.</source>
        <translation>Сметката дължи {owed}.</translation>
    </message>
    <message>
        <source>1 {currency} = {rate} {base}</source>
        <translation>1 {currency} = {rate} {base}</translation>
    </message>
    <message>
        <source>= {amount} (at {rate})</source>
        <translation>= {amount} (по курс {rate})</translation>
    </message>
</context>
<context>
    <name>MakeRefundDialog</name>
    <message>
        <source>Make refund</source>
        <translation>Възстановяване</translation>
    </message>
    <message>
        <source>&amp;Apply</source>
        <translation>&amp;Прилагане</translation>
    </message>
    <message>
        <source>Refund of a payment</source>
        <translation>Възстановяване на плащане</translation>
    </message>
    <message>
        <source>Method:</source>
        <translation>Начин на плащане:</translation>
    </message>
    <message>
        <source>{amount} ({base} on the bill)</source>
        <translation>{amount} ({base} по сметката)</translation>
    </message>
    <message>
        <source>Paid:</source>
        <translation>Платено:</translation>
    </message>
    <message>
        <source>Date, payer:</source>
        <translation>Дата, платец:</translation>
    </message>
    <message>
        <source>Already refunded:</source>
        <translation>Вече възстановено:</translation>
    </message>
    <message>
        <source>Refundable:</source>
        <translation>За възстановяване:</translation>
    </message>
    <message>
        <source>Back to the &amp;payer (in cash or to the card)</source>
        <translation>Обратно на &amp;платеца (в брой или по картата)</translation>
    </message>
    <message>
        <source>Into the guest&apos;s &amp;deposit (kept for later bills)</source>
        <translation>В &amp;депозита на госта (за следващи сметки)</translation>
    </message>
    <message>
        <source>A deposit is refunded to the payer.</source>
        <translation>Депозитът се възстановява на платеца.</translation>
    </message>
    <message>
        <source>Refund direction:</source>
        <translation>Посока на възстановяването:</translation>
    </message>
    <message>
        <source>Refund &amp;method:</source>
        <translation>&amp;Начин на възстановяване:</translation>
    </message>
    <message>
        <source>Am&amp;ount:</source>
        <translation>С&amp;ума:</translation>
    </message>
    <message>
        <source>Why the money is given back</source>
        <translation>Защо парите се връщат</translation>
    </message>
    <message>
        <source>R&amp;eason:</source>
        <translation>При&amp;чина:</translation>
    </message>
    <message>
        <source>P&amp;rint receipt (return of income)</source>
        <translation>Пе&amp;чат на касова бележка (връщане на приход)</translation>
    </message>
    <message>
        <source>Only a payment or a deposit can be refunded.</source>
        <translation>Може да се възстанови само плащане или депозит.</translation>
    </message>
    <message>
        <source>This bill was moved to a company&apos;s account: reverse the transfer (Void) instead.</source>
        <translation>Тази сметка е прехвърлена към сметката на фирма: вместо възстановяване отменете прехвърлянето (Анулиране).</translation>
    </message>
    <message>
        <source>This payment is voided: there is nothing to refund.</source>
        <translation>Това плащане е анулирано: няма какво да се възстанови.</translation>
    </message>
    <message>
        <source>This payment has been refunded in full.</source>
        <translation>Това плащане е възстановено изцяло.</translation>
    </message>
    <message>
        <source>= {amount} on the bill</source>
        <translation>= {amount} по сметката</translation>
    </message>
    <message>
        <source>At most {amount} can be refunded.</source>
        <translation>Може да се възстановят най-много {amount}.</translation>
    </message>
    <message>
        <source>Choose how the money is given back.</source>
        <translation>Изберете как се връщат парите.</translation>
    </message>
</context>
<context>
    <name>MoveRoomDialog</name>
    <message>
        <source>Move to another room</source>
        <translation>Преместване в друга стая</translation>
    </message>
    <message>
        <source>&amp;Move</source>
        <translation>&amp;Премести</translation>
    </message>
    <message>
        <source>Reservation {number} keeps its folio and bills; the room left is marked for cleaning.</source>
        <translation>Резервация {number} запазва фолиото и сметките си; освободената стая се отбелязва за почистване.</translation>
    </message>
    <message>
        <source>{room} · {type}</source>
        <translation>{room} · {type}</translation>
    </message>
    <message>
        <source>{room} · {type} (not cleaned)</source>
        <translation>{room} · {type} (непочистена)</translation>
    </message>
    <message>
        <source>&amp;Room:</source>
        <translation>&amp;Стая:</translation>
    </message>
    <message>
        <source>No room is free for the rest of this stay.</source>
        <translation>Няма свободна стая за остатъка от престоя.</translation>
    </message>
</context>
<context>
    <name>MoveServicesDialog</name>
    <message>
        <source>Move services to another bill</source>
        <translation>Преместване на услуги в друга сметка</translation>
    </message>
    <message>
        <source>&amp;Move</source>
        <translation>&amp;Преместване</translation>
    </message>
    <message>
        <source>From: {bill}</source>
        <translation>От: {bill}</translation>
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
        <translation>Сума</translation>
    </message>
    <message>
        <source>Total: {amount}</source>
        <translation>Общо: {amount}</translation>
    </message>
    <message>
        <source>&amp;To bill:</source>
        <translation>&amp;В сметка:</translation>
    </message>
    <message>
        <source>This folio has only one bill. Use Split bill to open a bill for another payer.</source>
        <translation>Това фолио има само една сметка. Използвайте „Разделяне на сметка“, за да отворите сметка за друг платец.</translation>
    </message>
    <message>
        <source>Choose the services to move on the card first.</source>
        <translation>Първо изберете в картона услугите за преместване.</translation>
    </message>
    <message>
        <source>Choose the bill to move the services to.</source>
        <translation>Изберете сметката, в която да се преместят услугите.</translation>
    </message>
</context>
<context>
    <name>NewCardDialog</name>
    <message>
        <source>New card</source>
        <translation>Нова карта</translation>
    </message>
    <message>
        <source>Card &amp;operator:</source>
        <translation>&amp;Оператор на карти:</translation>
    </message>
    <message>
        <source>Open its &amp;page</source>
        <translation>Отвори &amp;страницата му</translation>
    </message>
    <message>
        <source>Opening the card operator&apos;s page…</source>
        <translation>Отваря се страницата на оператора…</translation>
    </message>
    <message>
        <source>Choose the card operator whose page the guest types the card on.</source>
        <translation>Изберете оператора на карти, на чиято страница гостът въвежда картата.</translation>
    </message>
    <message>
        <source>New card · {operator}</source>
        <translation>Нова карта · {operator}</translation>
    </message>
    <message>
        <source>Opening {operator}&apos;s card page…</source>
        <translation>Отваря се страницата за карти на {operator}…</translation>
    </message>
    <message>
        <source>Asking {operator} for the card saved on its page…</source>
        <translation>Запитване към {operator} за картата, записана на страницата му…</translation>
    </message>
    <message>
        <source>The guest types the card on {operator}&apos;s own page below: the desk never sees the card number.</source>
        <translation>Гостът въвежда картата по-долу, на собствената страница на {operator}: номерът на картата никога не стига до програмата.</translation>
    </message>
    <message>
        <source>Closing the card page and asking {operator} whether a card was sent…</source>
        <translation>Страницата се затваря; запитване към {operator} дали е изпратена карта…</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>&amp;Затвори</translation>
    </message>
    <message>
        <source>{amount} pre-authorised.</source>
        <translation>{amount} предварително авторизирани.</translation>
    </message>
    <message>
        <source>{amount} charged.</source>
        <translation>{amount} таксувани.</translation>
    </message>
    <message>
        <source>{card} {operator} did not answer about the {amount}: it is listed under Pending card operations.</source>
        <translation>{card} {operator} не отговори за {amount}: операцията е в „Чакащи операции с карти“.</translation>
    </message>
    <message>
        <source>{card} {operator} refused the {amount} ({code}): nothing was taken; the card stays saved.</source>
        <translation>{card} {operator} отказа {amount} ({code}): нищо не е взето; картата остава запазена.</translation>
    </message>
    <message>
        <source>{card} The {amount} was not taken: {error}</source>
        <translation>{card} {amount} не са взети: {error}</translation>
    </message>
    <message>
        <source>Card saved: {brand} {number}, valid to {expiry}.</source>
        <translation>Картата е записана: {brand} {number}, валидна до {expiry}.</translation>
    </message>
    <message>
        <source>{operator} did not answer. The card is listed under Pending card operations, where {operator} is asked again whether its page saved it.</source>
        <translation>{operator} не отговори. Картата е в „Незавършени операции с карти“, където {operator} се пита отново дали страницата я е записала.</translation>
    </message>
    <message>
        <source>{operator} refused the card ({code}). Nothing was saved.</source>
        <translation>{operator} отказа картата ({code}). Нищо не е записано.</translation>
    </message>
    <message>
        <source>no reason given</source>
        <translation>без посочена причина</translation>
    </message>
    <message>
        <source>{operator}&apos;s card page could not be opened: check the connection to the internet and try again. Nothing was saved.</source>
        <translation>Страницата за карти на {operator} не може да се отвори: проверете връзката с интернет и опитайте отново. Нищо не е записано.</translation>
    </message>
    <message>
        <source>{operator} refused the request: {error}. Nothing was saved.</source>
        <translation>{operator} отказа заявката: {error}. Нищо не е записано.</translation>
    </message>
    <message>
        <source>The card page was left without a card. Nothing was saved.</source>
        <translation>Страницата е напусната без карта. Нищо не е записано.</translation>
    </message>
</context>
<context>
    <name>NewFolioDialog</name>
    <message>
        <source>New folio</source>
        <translation>Ново фолио</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>&amp;Отвори</translation>
    </message>
    <message>
        <source>&amp;Walk-in client</source>
        <translation>&amp;Външен клиент</translation>
    </message>
    <message>
        <source>&amp;Company account</source>
        <translation>Сметка на &amp;фирма</translation>
    </message>
    <message>
        <source>&amp;Event account</source>
        <translation>Сметка на &amp;събитие</translation>
    </message>
</context>
<context>
    <name>NewReservationDialog</name>
    <message>
        <source>New reservation</source>
        <translation>Нова резервация</translation>
    </message>
    <message>
        <source>&amp;Book</source>
        <translation>&amp;Резервирай</translation>
    </message>
    <message>
        <source>Guest</source>
        <translation>Гост</translation>
    </message>
    <message>
        <source>Name of a guest who stayed before</source>
        <translation>Име на гост, отсядал преди</translation>
    </message>
    <message>
        <source>&amp;Find</source>
        <translation>Т&amp;ърси</translation>
    </message>
    <message>
        <source>Fin&amp;d guest:</source>
        <translation>Търси &amp;гост:</translation>
    </message>
    <message>
        <source>New guest</source>
        <translation>Нов гост</translation>
    </message>
    <message>
        <source>Gu&amp;est:</source>
        <translation>Гос&amp;т:</translation>
    </message>
    <message>
        <source>First &amp;name:</source>
        <translation>&amp;Име:</translation>
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
        <translation>Лична карта</translation>
    </message>
    <message>
        <source>Driving licence</source>
        <translation>Шофьорска книжка</translation>
    </message>
    <message>
        <source>Other document</source>
        <translation>Друг документ</translation>
    </message>
    <message>
        <source>Doc&amp;ument:</source>
        <translation>&amp;Документ:</translation>
    </message>
    <message>
        <source>Document nu&amp;mber:</source>
        <translation>Н&amp;омер на документа:</translation>
    </message>
    <message>
        <source>Empty: the guest pays it</source>
        <translation>Празно: гостът плаща данъка</translation>
    </message>
    <message>
        <source>Check in no&amp;w (walk-in)</source>
        <translation>Настани &amp;веднага (без резервация)</translation>
    </message>
    <message>
        <source>BG</source>
        <translation>BG</translation>
    </message>
    <message>
        <source>Issuing countr&amp;y:</source>
        <translation>Дър&amp;жава на издаване:</translation>
    </message>
    <message>
        <source>&amp;Issued on:</source>
        <translation>И&amp;здаден на:</translation>
    </message>
    <message>
        <source>B&amp;orn on:</source>
        <translation>Р&amp;оден на:</translation>
    </message>
    <message>
        <source>No city ta&amp;x because:</source>
        <translation>Без туристически данък, &amp;защото:</translation>
    </message>
    <message>
        <source>Stay</source>
        <translation>Престой</translation>
    </message>
    <message>
        <source>&amp;Arrival:</source>
        <translation>&amp;Пристигане:</translation>
    </message>
    <message>
        <source>De&amp;parture:</source>
        <translation>З&amp;аминаване:</translation>
    </message>
    <message>
        <source>{name} · {rate}</source>
        <translation>{name} · {rate}</translation>
    </message>
    <message>
        <source>Room &amp;type:</source>
        <translation>Тип ста&amp;я:</translation>
    </message>
    <message>
        <source>&amp;Room:</source>
        <translation>&amp;Стая:</translation>
    </message>
    <message>
        <source>Rate per ni&amp;ght ({currency}):</source>
        <translation>Цена за &amp;нощувка ({currency}):</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Няма</translation>
    </message>
    <message>
        <source>&amp;Company:</source>
        <translation>Фир&amp;ма:</translation>
    </message>
    <message>
        <source>E&amp;vent:</source>
        <translation>Съ&amp;битие:</translation>
    </message>
    <message>
        <source>Any free room</source>
        <translation>Коя да е свободна стая</translation>
    </message>
    <message>
        <source>{room} (not cleaned)</source>
        <translation>{room} (непочистена)</translation>
    </message>
    <message>
        <source>No guest of that name: fill in a new one below.</source>
        <translation>Няма гост с това име: попълнете нов по-долу.</translation>
    </message>
    <message>
        <source>Type the guest&apos;s name, or find a guest who stayed before.</source>
        <translation>Въведете името на госта или намерете гост, отсядал преди.</translation>
    </message>
</context>
<context>
    <name>NightAudit</name>
    <message>
        <source>Cash shift not closed</source>
        <translation>Касовата смяна не е приключена</translation>
    </message>
    <message>
        <source>Card operation pending</source>
        <translation>Операция с карта не е завършена</translation>
    </message>
    <message>
        <source>Receipt not printed</source>
        <translation>Касовата бележка не е отпечатана</translation>
    </message>
    <message>
        <source>Arrival not checked in</source>
        <translation>Пристигане без настаняване</translation>
    </message>
    <message>
        <source>Departure not checked out</source>
        <translation>Заминаване без освобождаване</translation>
    </message>
    <message>
        <source>opened by {user}</source>
        <translation>открита от {user}</translation>
    </message>
    <message>
        <source>payment {number}</source>
        <translation>плащане {number}</translation>
    </message>
</context>
<context>
    <name>NightAuditDialog</name>
    <message>
        <source>Night audit</source>
        <translation>Нощен одит</translation>
    </message>
    <message>
        <source>Open item</source>
        <translation>Незакрита позиция</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>Къде</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Подробности</translation>
    </message>
    <message>
        <source>Why the day is closed with these items open</source>
        <translation>Защо денят се затваря с тези незакрити позиции</translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation>&amp;Причина:</translation>
    </message>
    <message>
        <source>&amp;Close the day</source>
        <translation>&amp;Затвори деня</translation>
    </message>
    <message>
        <source>Re&amp;fresh</source>
        <translation>О&amp;бнови</translation>
    </message>
    <message>
        <source>Business date: {date}</source>
        <translation>Работна дата: {date}</translation>
    </message>
    <message>
        <source>Open items: {count}. A manager may close the day over them, giving a reason.</source>
        <translation>Незакрити позиции: {count}. Мениджър може да затвори деня с тях, като посочи причина.</translation>
    </message>
    <message>
        <source>Nothing is open.</source>
        <translation>Няма незакрити позиции.</translation>
    </message>
    <message>
        <source>In-house stays to charge: {stays}. Reservations to mark as no-shows: {no_shows}.</source>
        <translation>Настанявания за начисляване: {stays}. Резервации за отбелязване като неявяване: {no_shows}.</translation>
    </message>
    <message>
        <source>Cancel stops after the stay being charged; running the night audit again finishes the day without charging anything twice.</source>
        <translation>„Отказ“ спира одита след текущото настаняване; повторното пускане приключва деня, без да начислява нищо два пъти.</translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation>&amp;Отказ</translation>
    </message>
    <message>
        <source>Closing business day {date}…</source>
        <translation>Приключване на работния ден {date}…</translation>
    </message>
    <message>
        <source>Stopping after the stay being charged…</source>
        <translation>Спиране след текущото настаняване…</translation>
    </message>
    <message>
        <source>Nights charged:</source>
        <translation>Начислени нощувки:</translation>
    </message>
    <message>
        <source>Room charges:</source>
        <translation>Нощувки:</translation>
    </message>
    <message>
        <source>City tax:</source>
        <translation>Туристически данък:</translation>
    </message>
    <message>
        <source>No-shows:</source>
        <translation>Неявявания:</translation>
    </message>
    <message>
        <source>New business date:</source>
        <translation>Нова работна дата:</translation>
    </message>
    <message>
        <source>Saved cards deleted (past their date):</source>
        <translation>Изтрити запазени карти (срокът е изтекъл):</translation>
    </message>
    <message>
        <source>Saved cards not deleted yet:</source>
        <translation>Запазени карти, още неизтрити:</translation>
    </message>
    <message>
        <source>&amp;Run again</source>
        <translation>&amp;Пусни отново</translation>
    </message>
    <message>
        <source>Business day {date} is closed.</source>
        <translation>Работният ден {date} е приключен.</translation>
    </message>
    <message>
        <source>The night audit of {date} was stopped: run it again to finish the day.</source>
        <translation>Нощният одит за {date} е спрян: пуснете го отново, за да приключите деня.</translation>
    </message>
    <message>
        <source>not moved yet</source>
        <translation>още не е преместена</translation>
    </message>
    <message>
        <source>Not charged: settle these stays, then run the night audit again.</source>
        <translation>Не е начислено: уредете тези престои и пуснете нощния одит отново.</translation>
    </message>
    <message>
        <source>These cards stay until the operator deletes them: the next night audit tries again.</source>
        <translation>Тези карти остават, докато операторът не ги изтрие: следващият нощен одит опитва отново.</translation>
    </message>
    <message>
        <source>Warning: {problem}. The audit trail itself is intact.</source>
        <translation>Внимание: {problem}. Самата одитна следа е непокътната.</translation>
    </message>
    <message>
        <source>the card operator was not reached; whether it deleted the card is asked first</source>
        <translation>картовият оператор не е достигнат; първо се пита дали е изтрил картата</translation>
    </message>
    <message>
        <source>the card operator refused: {refusal}</source>
        <translation>картовият оператор отказа: {refusal}</translation>
    </message>
</context>
<context>
    <name>NoShowDialog</name>
    <message>
        <source>No-show {number}</source>
        <translation>Неявяване {number}</translation>
    </message>
    <message>
        <source>Mark &amp;no-show</source>
        <translation>Отбележи &amp;неявяване</translation>
    </message>
    <message>
        <source>The guest did not come: the room is free again; the folio stays open for a deposit or a no-show charge.</source>
        <translation>Гостът не дойде: стаята отново е свободна; фолиото остава отворено за депозит или такса за неявяване.</translation>
    </message>
</context>
<context>
    <name>Numbers</name>
    <message>
        <source>“%1” is not a number.</source>
        <translation>„%1“ не е число.</translation>
    </message>
    <message>
        <source>Enter a number.</source>
        <translation>Въведете число.</translation>
    </message>
</context>
<context>
    <name>Op</name>
    <message>
        <source>The operation was cancelled.</source>
        <translation>Операцията е отменена.</translation>
    </message>
    <message>
        <source>The operation failed.</source>
        <translation>Операцията не беше изпълнена.</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Грешка</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Отказ</translation>
    </message>
    <message>
        <source>Please wait…</source>
        <translation>Моля, изчакайте…</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Операцията се отменя…</translation>
    </message>
</context>
<context>
    <name>OpenShiftDialog</name>
    <message>
        <source>Open shift</source>
        <translation>Откриване на смяна</translation>
    </message>
    <message>
        <source>&amp;Open shift</source>
        <translation>&amp;Откриване на смяната</translation>
    </message>
    <message>
        <source>Count the cash in the drawer and enter it per currency (leave empty for none).</source>
        <translation>Пребройте парите в касата и въведете сумата за всяка валута (празно поле — няма пари).</translation>
    </message>
    <message>
        <source>Float in {currency}:</source>
        <translation>Начална наличност в {currency}:</translation>
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
        <translation>основна валута</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Дата</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Вид</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>Начин</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Сума</translation>
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
        <translation>Платец</translation>
    </message>
    <message>
        <source>Receipt</source>
        <translation>Касова бележка</translation>
    </message>
    <message>
        <source>Into deposit</source>
        <translation>В депозита</translation>
    </message>
    <message>
        <source>Deposit used</source>
        <translation>Използван депозит</translation>
    </message>
    <message>
        <source>From deposit</source>
        <translation>От депозита</translation>
    </message>
    <message>
        <source>Back to deposit</source>
        <translation>Обратно в депозита</translation>
    </message>
    <message>
        <source>Payment</source>
        <translation>Плащане</translation>
    </message>
    <message>
        <source>Deposit</source>
        <translation>Депозит</translation>
    </message>
    <message>
        <source>Refund</source>
        <translation>Възстановяване</translation>
    </message>
    <message>
        <source>Void</source>
        <translation>Анулиране</translation>
    </message>
    <message>
        <source>{number} · to reprint</source>
        <translation>{number} · за повторен печат</translation>
    </message>
    <message>
        <source>To be checked</source>
        <translation>За проверка</translation>
    </message>
    <message>
        <source>Not printed</source>
        <translation>Неотпечатана</translation>
    </message>
    <message>
        <source>No receipt</source>
        <translation>Без касова бележка</translation>
    </message>
    <message>
        <source>Issued on register {register} but not printed whole: Action → Print receipt prints it again, marked COPY.</source>
        <translation>Издадена на каса {register}, но не е отпечатана изцяло: Действие → Печат на касова бележка я отпечатва отново с надпис КОПИЕ.</translation>
    </message>
    <message>
        <source>The register has not answered for this receipt yet: Shift → Check receipts asks it.</source>
        <translation>Касата още не е отговорила за тази бележка: Смяна → Проверка на касовите бележки я пита.</translation>
    </message>
    <message>
        <source>The receipt was not printed: Action → Print receipt.</source>
        <translation>Бележката не е отпечатана: Действие → Печат на касова бележка.</translation>
    </message>
    <message>
        <source>No receipt was printed for this payment: Action → Print receipt.</source>
        <translation>За това плащане не е отпечатана бележка: Действие → Печат на касова бележка.</translation>
    </message>
    <message>
        <source>Voided by {user} on {when}.</source>
        <translation>Анулирано от {user} на {when}.</translation>
    </message>
    <message>
        <source>Authorised by {manager}.</source>
        <translation>Разрешено от {manager}.</translation>
    </message>
    <message>
        <source>Reason: {reason}</source>
        <translation>Причина: {reason}</translation>
    </message>
    <message>
        <source>Refunded by {user} on {when}.</source>
        <translation>Възстановено от {user} на {when}.</translation>
    </message>
    <message>
        <source>Refunded: {amount}</source>
        <translation>Възстановено: {amount}</translation>
    </message>
</context>
<context>
    <name>PeopleDialog</name>
    <message>
        <source>People</source>
        <translation>Служители</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>Потребителско име</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>Пълно име</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Роля</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Състояние</translation>
    </message>
    <message>
        <source>Give this &amp;role</source>
        <translation>Дай тази &amp;роля</translation>
    </message>
    <message>
        <source>&amp;Deactivate</source>
        <translation>&amp;Деактивирай</translation>
    </message>
    <message>
        <source>Reset &amp;password…</source>
        <translation>Нулирай &amp;паролата…</translation>
    </message>
    <message>
        <source>A temporary password (at least {length} characters, not the user name) is used once: the user chooses their own at the next sign-in. Reset uses the temporary password typed above.</source>
        <translation>Временната парола (поне {length} знака, не потребителското име) важи веднъж: при следващото влизане потребителят избира своя. Нулирането използва временната парола, въведена по-горе.</translation>
    </message>
    <message>
        <source>Ta&amp;xpayer number (ИНН):</source>
        <translation>&amp;ИНН (руски данъчен номер):</translation>
    </message>
    <message>
        <source>Set number</source>
        <translation>Запиши ИНН</translation>
    </message>
    <message>
        <source>Add a user</source>
        <translation>Добавяне на потребител</translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation>&amp;Потребителско име:</translation>
    </message>
    <message>
        <source>&amp;Full name:</source>
        <translation>&amp;Пълно име:</translation>
    </message>
    <message>
        <source>R&amp;ole:</source>
        <translation>Р&amp;оля:</translation>
    </message>
    <message>
        <source>&amp;Temporary password:</source>
        <translation>&amp;Временна парола:</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>&amp;Добави</translation>
    </message>
    <message>
        <source>deactivated</source>
        <translation>деактивиран</translation>
    </message>
    <message>
        <source>chooses a password at the next sign-in</source>
        <translation>избира парола при следващото влизане</translation>
    </message>
    <message>
        <source>active</source>
        <translation>активен</translation>
    </message>
    <message>
        <source>&amp;Activate</source>
        <translation>&amp;Активирай</translation>
    </message>
</context>
<context>
    <name>PosConnectionsDialog</name>
    <message>
        <source>POS connections</source>
        <translation>Връзки с POS</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Ключове</translation>
    </message>
    <message>
        <source>POS</source>
        <translation>POS</translation>
    </message>
    <message>
        <source>Outlet</source>
        <translation>Обект</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Създаден</translation>
    </message>
    <message>
        <source>Revoked</source>
        <translation>Отменен</translation>
    </message>
    <message>
        <source>POS name, e.g. bar-1</source>
        <translation>Име на POS, напр. bar-1</translation>
    </message>
    <message>
        <source>Create key</source>
        <translation>Създай ключ</translation>
    </message>
    <message>
        <source>Revoke</source>
        <translation>Отмени</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Копирай</translation>
    </message>
    <message>
        <source>Payment codes</source>
        <translation>Кодове на плащане</translation>
    </message>
    <message>
        <source>Which POS payment means a charge to the room: on credit (a Not paid bill) or paid from the stay&apos;s deposit.</source>
        <translation>Кое плащане в POS означава начисляване към стаята: на кредит (неплатена сметка) или платено от депозита на престоя.</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Код</translation>
    </message>
    <message>
        <source>Means</source>
        <translation>Означава</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Име</translation>
    </message>
    <message>
        <source>Name at the POS</source>
        <translation>Име в POS</translation>
    </message>
    <message>
        <source>Save code</source>
        <translation>Запази кода</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Премахни</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Услуга</translation>
    </message>
    <message>
        <source>A check that arrives after the guest checked out:</source>
        <translation>Сметка, пристигнала след напускането на госта:</translation>
    </message>
    <message>
        <source>post it on the last bill and flag it for the desk</source>
        <translation>осчетоводи я към последната сметка и я отбележи за рецепцията</translation>
    </message>
    <message>
        <source>refuse it: the cashier settles it at the POS</source>
        <translation>откажи я: касиерът я урежда в POS</translation>
    </message>
    <message>
        <source>Run the POS service inside this program</source>
        <translation>Стартиране на услугата POS в тази програма</translation>
    </message>
    <message>
        <source>For a hotel with one desk; takes effect from the next start.</source>
        <translation>За хотел с една рецепция; важи от следващото стартиране.</translation>
    </message>
    <message>
        <source>Run the POS service inside this program (a hotel with one desk; from the next start)</source>
        <translation type="vanished">Стартирай POS услугата в тази програма (хотел с една рецепция; от следващото стартиране)</translation>
    </message>
    <message>
        <source>Charge to room on credit</source>
        <translation>Начисляване към стаята на кредит</translation>
    </message>
    <message>
        <source>Paid from the deposit</source>
        <translation>Платено от депозита</translation>
    </message>
    <message>
        <source>Key of {name}, shown only now:</source>
        <translation>Ключ на {name}, показан само сега:</translation>
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
        <translation>Час</translation>
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
        <translation>Сума</translation>
    </message>
    <message>
        <source>Tax</source>
        <translation>Данък</translation>
    </message>
    <message>
        <source>Bill</source>
        <translation>Сметка</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Източник</translation>
    </message>
    <message>
        <source>{outlet}, check {check}</source>
        <translation>{outlet}, сметка {check}</translation>
    </message>
    <message>
        <source>Front desk</source>
        <translation>Рецепция</translation>
    </message>
    <message>
        <source>Night audit</source>
        <translation>Нощен одит</translation>
    </message>
    <message>
        <source>Point of sale</source>
        <translation>Точка на продажба</translation>
    </message>
    <message>
        <source>Bill transfer</source>
        <translation>Прехвърляне на сметка</translation>
    </message>
    <message>
        <source>Reversal: {service}</source>
        <translation>Сторно: {service}</translation>
    </message>
    <message>
        <source>Void: {service}</source>
        <translation>Анулиране: {service}</translation>
    </message>
    <message>
        <source>{amount} ({percent}%)</source>
        <translation>{amount} ({percent}%)</translation>
    </message>
    <message>
        <source>Voided by {user} on {when}.</source>
        <translation>Анулирано от {user} на {when}.</translation>
    </message>
    <message>
        <source>Reversed by {user} on {when}.</source>
        <translation>Сторнирано от {user} на {when}.</translation>
    </message>
    <message>
        <source>Authorised by {manager}.</source>
        <translation>Разрешено от {manager}.</translation>
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
        <translation>Сума</translation>
    </message>
    <message>
        <source>Age (days)</source>
        <translation type="vanished">Възраст (дни)</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Състояние</translation>
    </message>
    <message>
        <source>Card</source>
        <translation>Карта</translation>
    </message>
    <message>
        <source>Days</source>
        <translation>Дни</translation>
    </message>
    <message>
        <source>open</source>
        <translation>открита</translation>
    </message>
    <message>
        <source>captured</source>
        <translation>усвоена</translation>
    </message>
    <message>
        <source>partly captured, rest released</source>
        <translation>усвоена частично, остатъкът освободен</translation>
    </message>
    <message>
        <source>released</source>
        <translation>освободена</translation>
    </message>
    <message>
        <source>released by the bank</source>
        <translation>освободена от банката</translation>
    </message>
    <message>
        <source>{state} · over {days} days</source>
        <translation>{state} · над {days} дни</translation>
    </message>
    <message>
        <source>Older than {days} days: the bank may have released it already. Pre-authorise close to arrival.</source>
        <translation>По-стара от {days} дни: банката може вече да я е освободила. Авторизирайте близо до пристигането.</translation>
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
        <translation>Добавяне на принтер</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Име:</translation>
    </message>
    <message>
        <source>&amp;Address:</source>
        <translation>&amp;Адрес:</translation>
    </message>
    <message>
        <source>&amp;Model profile:</source>
        <translation>&amp;Профил на модела:</translation>
    </message>
    <message>
        <source>{mm} mm</source>
        <translation>{mm} мм</translation>
    </message>
    <message>
        <source>&amp;Paper width:</source>
        <translation>&amp;Ширина на хартията:</translation>
    </message>
    <message>
        <source>None (test pages and copies)</source>
        <translation>Няма (тестови страници и копия)</translation>
    </message>
    <message>
        <source>Prints for &amp;register:</source>
        <translation>Печата за &amp;каса:</translation>
    </message>
    <message>
        <source>The cash &amp;drawer is connected to this printer</source>
        <translation>Чекмеджето за &amp;пари е свързано с този принтер</translation>
    </message>
    <message>
        <source>Draw text as an &amp;image</source>
        <translation>Печат на текста като &amp;изображение</translation>
    </message>
    <message>
        <source>For a printer that prints boxes or question marks instead of letters: the receipt&apos;s text is drawn as a picture, whatever code pages the printer has. Print a test page to check.</source>
        <translation>За принтер, който печата квадратчета или въпросителни вместо букви: текстът на бележката се рисува като изображение, каквито и кодови таблици да има принтерът. Проверете с тестова страница.</translation>
    </message>
</context>
<context>
    <name>RackModel</name>
    <message>
        <source>{type} · no room yet</source>
        <translation>{type} · без стая</translation>
    </message>
    <message>
        <source>{room} · {type}</source>
        <translation>{room} · {type}</translation>
    </message>
    <message>
        <source>{room} (not cleaned)</source>
        <translation>{room} (непочистена)</translation>
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
        <translation>Стая</translation>
    </message>
</context>
<context>
    <name>ReaderSaveDialog</name>
    <message>
        <source>Save a card from the terminal</source>
        <translation>Запазване на карта от терминала</translation>
    </message>
    <message>
        <source>Looking for the card reader of this workstation…</source>
        <translation>Търсене на четеца на карти на това работно място…</translation>
    </message>
    <message>
        <source>No card reader of an online operator is set up at this workstation: a manager sets it in Settings, Card operators.</source>
        <translation>На това работно място няма настроен четец на онлайн оператор на карти: мениджър го задава в Настройки, Оператори на карти.</translation>
    </message>
    <message>
        <source>Save a card from the terminal · {operator}</source>
        <translation>Запазване на карта от терминала · {operator}</translation>
    </message>
    <message>
        <source>Starting the terminal {reader}…</source>
        <translation>Стартиране на терминала {reader}…</translation>
    </message>
    <message>
        <source>Starting the reader {reader}…</source>
        <translation>Стартиране на четеца {reader}…</translation>
    </message>
    <message>
        <source>Ask the guest to present the card on the terminal {reader}. Nothing is charged: the card is saved for later.</source>
        <translation>Помолете госта да представи картата на терминала {reader}. Нищо не се таксува: картата се запазва за по-късно.</translation>
    </message>
    <message>
        <source>Ask the guest to present the card on the reader {reader}. Nothing is charged: the card is saved for later.</source>
        <translation>Помолете госта да представи картата на четеца {reader}. Нищо не се таксува: картата се запазва за по-късно.</translation>
    </message>
    <message>
        <source>Asking {operator}…</source>
        <translation>Запитване към {operator}…</translation>
    </message>
    <message>
        <source>Asking the terminal to stop, and {operator} whether a card was saved…</source>
        <translation>Терминалът се спира и {operator} се пита дали е запазена карта…</translation>
    </message>
    <message>
        <source>Asking the reader to stop, and {operator} whether a card was saved…</source>
        <translation>Четецът се спира и {operator} се пита дали е запазена карта…</translation>
    </message>
    <message>
        <source>{operator} did not answer. The card is listed under Pending card operations, where {operator} is asked again whether the terminal saved it.</source>
        <translation>{operator} не отговори. Картата е в „Чакащи операции с карти“, където {operator} се пита отново дали терминалът я е запазил.</translation>
    </message>
    <message>
        <source>{operator} did not answer. The card is listed under Pending card operations, where {operator} is asked again whether the reader saved it.</source>
        <translation>{operator} не отговори. Картата е в „Чакащи операции с карти“, където {operator} се пита отново дали четецът я е запазил.</translation>
    </message>
    <message>
        <source>{operator} refused the card ({code}). Nothing was saved.</source>
        <translation>{operator} отказа картата ({code}). Нищо не е запазено.</translation>
    </message>
    <message>
        <source>no reason given</source>
        <translation>без посочена причина</translation>
    </message>
    <message>
        <source>The terminal {reader} is offline or busy with another payment: check it and try again. Nothing was saved.</source>
        <translation>Терминалът {reader} е извън мрежата или зает с друго плащане: проверете го и опитайте отново. Нищо не е запазено.</translation>
    </message>
    <message>
        <source>The reader {reader} is offline or busy with another payment: check it and try again. Nothing was saved.</source>
        <translation>Четецът {reader} е извън мрежата или зает с друго плащане: проверете го и опитайте отново. Нищо не е запазено.</translation>
    </message>
    <message>
        <source>{operator} refused the request: {error}. Nothing was saved.</source>
        <translation>{operator} отказа заявката: {error}. Нищо не е запазено.</translation>
    </message>
    <message>
        <source>The terminal stopped without a card (none was presented in time, or the guest cancelled). Nothing was saved.</source>
        <translation>Терминалът спря без карта (не е представена навреме или гостът е отказал). Нищо не е запазено.</translation>
    </message>
    <message>
        <source>The reader stopped without a card (none was presented in time, or the guest cancelled). Nothing was saved.</source>
        <translation>Четецът спря без карта (не е представена навреме или гостът е отказал). Нищо не е запазено.</translation>
    </message>
</context>
<context>
    <name>ReceiptDialog</name>
    <message>
        <source>Receipt</source>
        <translation>Касова бележка</translation>
    </message>
    <message>
        <source>&amp;Print receipt</source>
        <translation>&amp;Печат на касова бележка</translation>
    </message>
    <message>
        <source>Cash &amp;register:</source>
        <translation>&amp;Фискално устройство:</translation>
    </message>
    <message>
        <source>Send the electronic receipt to:</source>
        <translation>Изпращане на електронната бележка до:</translation>
    </message>
    <message>
        <source>&amp;E-mail</source>
        <translation>&amp;Имейл</translation>
    </message>
    <message>
        <source>P&amp;hone</source>
        <translation>Т&amp;елефон</translation>
    </message>
    <message>
        <source>Printing the receipt…</source>
        <translation>Печат на касовата бележка…</translation>
    </message>
    <message>
        <source>Printing the receipt again…</source>
        <translation>Повторен печат на касовата бележка…</translation>
    </message>
    <message>
        <source>No cash register is configured on this workstation.</source>
        <translation type="vanished">На това работно място не е настроено фискално устройство.</translation>
    </message>
    <message>
        <source>Refund receipt (return of income)</source>
        <translation>Касова бележка за връщане (връщане на приход)</translation>
    </message>
    <message>
        <source>Sale receipt (receipt of income)</source>
        <translation>Касова бележка за продажба (приход)</translation>
    </message>
    <message>
        <source>{method} · {amount} · {date} · {payer}</source>
        <translation>{method} · {amount} · {date} · {payer}</translation>
    </message>
    <message>
        <source>Only payments and refunds get a fiscal receipt.</source>
        <translation type="vanished">Касова бележка се издава само за плащания и възстановявания.</translation>
    </message>
    <message>
        <source>{method} payments get no fiscal receipt.</source>
        <translation type="vanished">За плащания „{method}“ не се издава касова бележка.</translation>
    </message>
    <message>
        <source>No fiscal receipt</source>
        <translation>Без фискален бон</translation>
    </message>
    <message>
        <source>Choose the cash register.</source>
        <translation>Изберете фискалното устройство.</translation>
    </message>
    <message>
        <source>Receipt {number} printed.</source>
        <translation>Касова бележка {number} е отпечатана.</translation>
    </message>
    <message>
        <source>Receipt {number} is issued and waits to be printed again.</source>
        <translation>Касова бележка {number} е издадена и чака повторен печат.</translation>
    </message>
    <message>
        <source>Printing was cancelled. Press Retry to print the receipt.</source>
        <translation>Печатът е отменен. Натиснете „Опитай отново“, за да отпечатате бележката.</translation>
    </message>
    <message>
        <source>&amp;Retry</source>
        <translation>&amp;Опитай отново</translation>
    </message>
    <message>
        <source>Enter the e-mail address, or untick E-mail.</source>
        <translation>Въведете имейл адреса или махнете отметката „Имейл“.</translation>
    </message>
    <message>
        <source>Enter the phone number, or untick Phone.</source>
        <translation>Въведете телефонния номер или махнете отметката „Телефон“.</translation>
    </message>
</context>
<context>
    <name>ReceiptsCheck</name>
    <message>
        <source>Receipts confirmed by the register: {count}.</source>
        <translation>Бележки, потвърдени от касата: {count}.</translation>
    </message>
    <message>
        <source>Receipts the register never issued: {count}. Print them from the card (Action → Print receipt).</source>
        <translation>Бележки, които касата не е издала: {count}. Отпечатайте ги от картона (Действие → Печат на касова бележка).</translation>
    </message>
    <message>
        <source>Cash in or out the register never issued: {count}. They are issued with the shift&apos;s next paper, at the latest before its Z report.</source>
        <translation>Служебни въвеждания и извеждания, които касата не е издала: {count}. Те се издават със следващите документи на смяната, най-късно преди нейния Z отчет.</translation>
    </message>
    <message>
        <source>Receipts the register could not answer for: {count}. Check again when the register is on (Shift → Check receipts).</source>
        <translation>Бележки, за които касата не можа да отговори: {count}. Проверете отново, когато касата е включена (Смяна → Проверка на касовите бележки).</translation>
    </message>
    <message>
        <source>Sale receipt</source>
        <translation>Касова бележка за продажба</translation>
    </message>
    <message>
        <source>Refund receipt</source>
        <translation>Сторно бележка</translation>
    </message>
    <message>
        <source>Shift opening</source>
        <translation>Отваряне на смяна</translation>
    </message>
    <message>
        <source>Cash in</source>
        <translation>Служебно въвеждане</translation>
    </message>
    <message>
        <source>Cash out</source>
        <translation>Служебно извеждане</translation>
    </message>
    <message>
        <source>X report</source>
        <translation>X отчет</translation>
    </message>
    <message>
        <source>Z report</source>
        <translation>Z отчет</translation>
    </message>
    <message>
        <source>cut short</source>
        <translation>печатът е прекъснат</translation>
    </message>
    <message>
        <source>may not have printed whole</source>
        <translation>може да не е отпечатано изцяло</translation>
    </message>
    <message>
        <source>not printed</source>
        <translation>не е отпечатано</translation>
    </message>
    <message>
        <source>no print has ended</source>
        <translation>печатът не е завършил</translation>
    </message>
    <message>
        <source>{document} had printed whole meanwhile: nothing was printed again.</source>
        <translation>{document} — междувременно е отпечатано изцяло: нищо не е отпечатано отново.</translation>
    </message>
    <message>
        <source>{document} printed again, marked COPY.</source>
        <translation>{document} — отпечатано отново с надпис КОПИЕ.</translation>
    </message>
    <message>
        <source>{document} printed.</source>
        <translation>{document} — отпечатано.</translation>
    </message>
    <message>
        <source>{document} did not print whole: {error}. It still waits: once the printer is fixed, press Print again.</source>
        <translation>{document} — не е отпечатано изцяло: {error}. Документът продължава да чака: когато принтерът е оправен, натиснете „Отпечатай отново“.</translation>
    </message>
    <message>
        <source>{document} was not printed: {problem}</source>
        <translation>{document} — не е отпечатано: {problem}</translation>
    </message>
    <message>
        <source>Documents waiting to be printed again: {numbers}. Print them from the card (Action → Print receipt); they are marked COPY.</source>
        <translation type="vanished">Документи, чакащи повторен печат: {numbers}. Отпечатайте ги от картона (Действие → Печат на касова бележка); те са с надпис КОПИЕ.</translation>
    </message>
    <message>
        <source>Every receipt is settled with the register.</source>
        <translation>Всички бележки са уточнени с касата.</translation>
    </message>
    <message>
        <source>Check receipts</source>
        <translation type="vanished">Проверка на касовите бележки</translation>
    </message>
</context>
<context>
    <name>ReceiptsCheckDialog</name>
    <message>
        <source>Check receipts</source>
        <translation>Проверка на касовите бележки</translation>
    </message>
    <message>
        <source>Print again prints the document whole on its register. Where any of it may already be on paper, it is marked COPY; no new fiscal document is issued.</source>
        <translation>„Отпечатай отново“ отпечатва документа изцяло на неговата каса. Ако част от него може вече да е на хартия, той носи надпис КОПИЕ; нов фискален документ не се издава.</translation>
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
        <translation>Каса</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Сума</translation>
    </message>
    <message>
        <source>Paper</source>
        <translation>Хартия</translation>
    </message>
    <message>
        <source>Issued</source>
        <translation>Издаден</translation>
    </message>
    <message>
        <source>Print &amp;again</source>
        <translation>&amp;Отпечатай отново</translation>
    </message>
    <message>
        <source>Print a&amp;ll again</source>
        <translation>Отпечатай отново &amp;всички</translation>
    </message>
    <message>
        <source>Waiting to be printed again: {count}</source>
        <translation>Чакат повторен печат: {count}</translation>
    </message>
    <message>
        <source>Nothing waits to be printed again.</source>
        <translation>Нищо не чака повторен печат.</translation>
    </message>
    <message>
        <source>Print again</source>
        <translation>Повторен печат</translation>
    </message>
    <message>
        <source>The other documents were not tried: they still wait.</source>
        <translation>Останалите документи не са опитани: те продължават да чакат.</translation>
    </message>
    <message>
        <source>Printing was cancelled: the documents still wait.</source>
        <translation>Печатът е отменен: документите продължават да чакат.</translation>
    </message>
</context>
<context>
    <name>RegisterDocuments</name>
    <message>
        <source>Sale receipt</source>
        <translation>Касова бележка</translation>
    </message>
    <message>
        <source>Refund receipt</source>
        <translation>Сторно бележка</translation>
    </message>
    <message>
        <source>Cash in</source>
        <translation>Служебно въведени</translation>
    </message>
    <message>
        <source>Cash out</source>
        <translation>Служебно изведени</translation>
    </message>
    <message>
        <source>X report</source>
        <translation>X отчет</translation>
    </message>
    <message>
        <source>Z report</source>
        <translation>Z отчет</translation>
    </message>
    <message>
        <source>Shift opening</source>
        <translation>Отваряне на смяна</translation>
    </message>
    <message>
        <source>No answer came back</source>
        <translation>Не дойде отговор</translation>
    </message>
    <message>
        <source>The answer did not say</source>
        <translation>Отговорът не е ясен</translation>
    </message>
    <message>
        <source>Pending register documents</source>
        <translation>Неприключени документи на каси</translation>
    </message>
    <message>
        <source>Documents no register could say it issued or not: Check receipts asks again. When it still cannot tell, read the register&apos;s own report (its fiscal storage or electronic journal) and settle the document by hand: a receipt not issued may then be printed again, never before.</source>
        <translation>Документи, за които касата не можа да каже дали са издадени: „Проверка на касовите бележки“ пита отново. Ако касата пак не може да отговори, прегледайте собствения ѝ отчет (фискалната памет или електронната контролна лента) и приключете документа ръчно: неиздадена бележка може да се отпечата отново едва след това.</translation>
    </message>
    <message>
        <source>Asked</source>
        <translation>Поискано</translation>
    </message>
    <message>
        <source>Register</source>
        <translation>Каса</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>Документ</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Сума</translation>
    </message>
    <message>
        <source>Our key</source>
        <translation>Наш ключ</translation>
    </message>
    <message>
        <source>Last answer</source>
        <translation>Последен отговор</translation>
    </message>
    <message>
        <source>Settle by &amp;hand…</source>
        <translation>Приключи &amp;ръчно…</translation>
    </message>
    <message>
        <source>No register document is pending.</source>
        <translation>Няма неприключени документи на каси.</translation>
    </message>
    <message>
        <source>{register}, our key {key}: {answer}</source>
        <translation>{register}, наш ключ {key}: {answer}</translation>
    </message>
    <message>
        <source>Settled by hand.</source>
        <translation>Приключено ръчно.</translation>
    </message>
</context>
<context>
    <name>RegisterSettingsDialog</name>
    <message>
        <source>Cash register %1</source>
        <translation>Каса %1</translation>
    </message>
    <message>
        <source>Receipt printer with the desk&apos;s signed journal (not fiscal)</source>
        <translation>Принтер за бележки с подписания журнал на програмата (не фискален)</translation>
    </message>
    <message>
        <source>ATOL through its web server (Russia)</source>
        <translation>АТОЛ чрез уеб сървъра му (Русия)</translation>
    </message>
    <message>
        <source>KKM-server (Russia)</source>
        <translation>ККМ-сървър (Русия)</translation>
    </message>
    <message>
        <source>Fiscal printer through ErpNet.FP (Bulgaria)</source>
        <translation>Фискален принтер чрез ErpNet.FP (България)</translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation>&amp;Вид:</translation>
    </message>
    <message>
        <source>Server &amp;address:</source>
        <translation>&amp;Адрес на сървъра:</translation>
    </message>
    <message>
        <source>&amp;Device id:</source>
        <translation>&amp;Устройство:</translation>
    </message>
    <message>
        <source>General (ОСН)</source>
        <translation>Обща (ОСН)</translation>
    </message>
    <message>
        <source>Simplified, on income (УСН доход)</source>
        <translation>Опростена, приходи (УСН доход)</translation>
    </message>
    <message>
        <source>Simplified, income less expense (УСН доход − расход)</source>
        <translation>Опростена, приходи минус разходи (УСН доход − расход)</translation>
    </message>
    <message>
        <source>Agricultural tax (ЕСХН)</source>
        <translation>Селскостопански данък (ЕСХН)</translation>
    </message>
    <message>
        <source>Patent (ПСН)</source>
        <translation>Патент (ПСН)</translation>
    </message>
    <message>
        <source>&amp;Taxation system:</source>
        <translation>Данъчна &amp;система:</translation>
    </message>
    <message>
        <source>&amp;VAT codes:</source>
        <translation>Данъчни &amp;групи:</translation>
    </message>
    <message>
        <source>Follows the cash shift of &amp;workstation:</source>
        <translation>Следва касовата смяна на &amp;работното място:</translation>
    </message>
    <message>
        <source>&amp;Check connection</source>
        <translation>&amp;Проверка на връзката</translation>
    </message>
    <message>
        <source>e.g. 9=Г,20=Б,none=А: accommodation 9 % in group Г, 20 % in Б, exempt in А</source>
        <translation>напр. 9=Г,20=Б,none=А: нощувки 9 % в група Г, 20 % в Б, освободени в А</translation>
    </message>
    <message>
        <source>e.g. 20=vat20,10=vat10,0=vat0,none=none</source>
        <translation>напр. 20=vat20,10=vat10,0=vat0,none=none</translation>
    </message>
    <message>
        <source>Our rate = the register&apos;s code, comma separated; the codes are %1. %2</source>
        <translation>Наша ставка = код на регистъра, разделени със запетая; кодовете са %1. %2</translation>
    </message>
    <message>
        <source>printer id, e.g. dt279013</source>
        <translation>идентификатор на принтера, напр. dt279013</translation>
    </message>
    <message>
        <source>device number on the server</source>
        <translation>номер на устройството на сървъра</translation>
    </message>
    <message>
        <source>Asking register %1…</source>
        <translation>Проверка на регистър %1…</translation>
    </message>
    <message>
        <source>Check connection</source>
        <translation>Проверка на връзката</translation>
    </message>
    <message>
        <source>The register&apos;s answer was not waited for: Check connection asks again.</source>
        <translation>Отговорът на касата не беше изчакан: „Проверка на връзката“ пита отново.</translation>
    </message>
    <message>
        <source>its shift is open</source>
        <translation>смяната е отворена</translation>
    </message>
    <message>
        <source>its shift is closed</source>
        <translation>смяната е затворена</translation>
    </message>
    <message>
        <source>its shift is over 24 hours: close it with a Z report</source>
        <translation>смяната е над 24 часа: затворете я със Z отчет</translation>
    </message>
    <message>
        <source>The register answered: %1</source>
        <translation>Регистърът отговори: %1</translation>
    </message>
    <message>
        <source>it reports: %1</source>
        <translation>той съобщава: %1</translation>
    </message>
    <message>
        <source>it is ready</source>
        <translation>той е готов за работа</translation>
    </message>
    <message>
        <source>its printer: %1</source>
        <translation>принтерът му: %1</translation>
    </message>
    <message>
        <source>its fiscal storage reports a fault: call the register&apos;s service centre</source>
        <translation>фискалната памет съобщава за повреда: обадете се на сервиза на касата</translation>
    </message>
    <message>
        <source>its fiscal storage is nearly full: order a new one now</source>
        <translation>фискалната памет е почти запълнена: поръчайте нова сега</translation>
    </message>
    <message>
        <source>its fiscal storage must be replaced soon (its validity is ending): order a new one now</source>
        <translation>фискалната памет трябва скоро да се смени (срокът ѝ изтича): поръчайте нова сега</translation>
    </message>
    <message>
        <source>its documents have not reached the fiscal data operator for too long: check the register&apos;s Internet connection and the operator&apos;s contract</source>
        <translation>документите твърде дълго не достигат до оператора на фискални данни: проверете интернет връзката на касата и договора с оператора</translation>
    </message>
</context>
<context>
    <name>RegisterStorage</name>
    <message>
        <source>FS: replace by {date}</source>
        <translation>ФН: да се смени до {date}</translation>
    </message>
    <message>
        <source>FS fault: call service</source>
        <translation>ФН е повреден: повикайте сервиза</translation>
    </message>
    <message>
        <source>FS nearly full</source>
        <translation>ФН е почти пълен</translation>
    </message>
    <message>
        <source>OFD: unsent for {days} d.</source>
        <translation>ОФД: неизпратено от {days} дни</translation>
    </message>
</context>
<context>
    <name>ReportsWindow</name>
    <message>
        <source>Reports</source>
        <translation>Отчети</translation>
    </message>
    <message>
        <source>every workstation</source>
        <translation>всички работни места</translation>
    </message>
    <message>
        <source>&amp;Show</source>
        <translation>&amp;Покажи</translation>
    </message>
    <message>
        <source>Report:</source>
        <translation>Отчет:</translation>
    </message>
    <message>
        <source>From:</source>
        <translation type="vanished">От:</translation>
    </message>
    <message>
        <source>To:</source>
        <translation type="vanished">До:</translation>
    </message>
    <message>
        <source>Workstation:</source>
        <translation>Работно място:</translation>
    </message>
    <message>
        <source>Filter rows…</source>
        <translation>Филтър на редовете…</translation>
    </message>
    <message>
        <source>Export &amp;PDF…</source>
        <translation>Експорт в &amp;PDF…</translation>
    </message>
    <message>
        <source>Export &amp;CSV…</source>
        <translation>Експорт в &amp;CSV…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Затвори</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; · %2&lt;br&gt;%3&lt;br&gt;Made %4 by %5</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; · %2&lt;br&gt;%3&lt;br&gt;Изготвен %4, %5</translation>
    </message>
    <message>
        <source>Front desk</source>
        <translation>Рецепция</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF файлове (*.pdf)</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV файлове (*.csv)</translation>
    </message>
    <message>
        <source>Export the report</source>
        <translation>Експорт на отчета</translation>
    </message>
</context>
<context>
    <name>ReservationCard</name>
    <message>
        <source>Card</source>
        <translation>Картон</translation>
    </message>
    <message>
        <source>View service &amp;details</source>
        <translation>Преглед на &amp;подробности за услугата</translation>
    </message>
    <message>
        <source>Make &amp;payment…</source>
        <translation>П&amp;лащане…</translation>
    </message>
    <message>
        <source>Make &amp;refund…</source>
        <translation>&amp;Възстановяване…</translation>
    </message>
    <message>
        <source>&amp;Move services to another bill…</source>
        <translation>П&amp;реместване на услуги в друга сметка…</translation>
    </message>
    <message>
        <source>&amp;Split bill…</source>
        <translation>Ра&amp;зделяне на сметка…</translation>
    </message>
    <message>
        <source>Print &amp;bill (PDF)</source>
        <translation>Печат на с&amp;метка (PDF)</translation>
    </message>
    <message>
        <source>Print r&amp;eceipt…</source>
        <translation>Печат на &amp;касова бележка…</translation>
    </message>
    <message>
        <source>Print receipt c&amp;opy</source>
        <translation>Печат на ко&amp;пие на бона</translation>
    </message>
    <message>
        <source>Print card s&amp;lip</source>
        <translation>Печат на сл&amp;ип</translation>
    </message>
    <message>
        <source>&amp;Void…</source>
        <translation>&amp;Анулиране…</translation>
    </message>
    <message>
        <source>Add &amp;service…</source>
        <translation>Добавяне на у&amp;слуга…</translation>
    </message>
    <message>
        <source>&amp;Deposit…</source>
        <translation>&amp;Депозит…</translation>
    </message>
    <message>
        <source>Check &amp;in</source>
        <translation>&amp;Настаняване</translation>
    </message>
    <message>
        <source>Check in to a &amp;chosen room…</source>
        <translation>Настани в &amp;избрана стая…</translation>
    </message>
    <message>
        <source>C&amp;hange dates and rate…</source>
        <translation>&amp;Промени датите и цената…</translation>
    </message>
    <message>
        <source>Cance&amp;l reservation…</source>
        <translation>Ану&amp;лирай резервацията…</translation>
    </message>
    <message>
        <source>Mar&amp;k no-show…</source>
        <translation>Отбележи &amp;неявяване…</translation>
    </message>
    <message>
        <source>Move to another roo&amp;m…</source>
        <translation>Премести в друга ст&amp;ая…</translation>
    </message>
    <message>
        <source>Check &amp;out…</source>
        <translation>Нап&amp;ускане…</translation>
    </message>
    <message>
        <source>Pay by car&amp;d on the terminal…</source>
        <translation>Плащане с кар&amp;та на терминала…</translation>
    </message>
    <message>
        <source>Refund to the card on the terminal…</source>
        <translation>Връщане по картата през терминала…</translation>
    </message>
    <message>
        <source>Pre-&amp;authorise…</source>
        <translation>Пред&amp;варителна авторизация…</translation>
    </message>
    <message>
        <source>Ca&amp;pture…</source>
        <translation>Ус&amp;вояване…</translation>
    </message>
    <message>
        <source>Re&amp;lease…</source>
        <translation>Ос&amp;вобождаване…</translation>
    </message>
    <message>
        <source>Print card slip</source>
        <translation>Печат на слип</translation>
    </message>
    <message>
        <source>Save a new card on the operator&apos;s page…</source>
        <translation>Запис на нова карта на страницата на оператора…</translation>
    </message>
    <message>
        <source>Save a card from the terminal…</source>
        <translation>Запазване на карта от терминала…</translation>
    </message>
    <message>
        <source>&amp;Reload</source>
        <translation>Презаре&amp;ждане</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>Затвар&amp;яне</translation>
    </message>
    <message>
        <source>&amp;Card</source>
        <translation>&amp;Картон</translation>
    </message>
    <message>
        <source>&amp;Action</source>
        <translation>Д&amp;ействие</translation>
    </message>
    <message>
        <source>What the bills still owe, less the deposit held on account</source>
        <translation>Колко още дължат сметките, минус депозита по сметка</translation>
    </message>
    <message>
        <source>Credit card</source>
        <translation>Кредитна карта</translation>
    </message>
    <message>
        <source>Saved cards</source>
        <translation>Запазени карти</translation>
    </message>
    <message>
        <source>No saved cards</source>
        <translation>Няма запазени карти</translation>
    </message>
    <message>
        <source>&amp;New card…</source>
        <translation>&amp;Нова карта…</translation>
    </message>
    <message>
        <source>&amp;Terminal…</source>
        <translation>&amp;Терминал…</translation>
    </message>
    <message>
        <source>Pre-authorisations</source>
        <translation>Предварителни оторизации</translation>
    </message>
    <message>
        <source>No pre-authorisations</source>
        <translation>Няма предварителни оторизации</translation>
    </message>
    <message>
        <source>A pre-authorisation older than {days} days may already be released by the bank: pre-authorise close to arrival.</source>
        <translation>Предварителна авторизация над {days} дни може вече да е освободена от банката: авторизирайте близо до пристигането.</translation>
    </message>
    <message>
        <source>Services breakdown</source>
        <translation>Разбивка на услугите</translation>
    </message>
    <message>
        <source>Accommodation and ser&amp;vices</source>
        <translation>Нощувки и ус&amp;луги</translation>
    </message>
    <message>
        <source>&amp;Bills and payments</source>
        <translation>С&amp;метки и плащания</translation>
    </message>
    <message>
        <source>Actio&amp;n</source>
        <translation>Дейст&amp;вие</translation>
    </message>
    <message>
        <source>Could not refresh the card: {error}</source>
        <translation>Картонът не можа да се опресни: {error}</translation>
    </message>
    <message>
        <source>Updated {time}</source>
        <translation>Обновено {time}</translation>
    </message>
    <message>
        <source>This card&apos;s dialog is still working: wait for its answer or press its Cancel first.</source>
        <translation>Прозорецът на този картон още работи: изчакайте отговора или първо натиснете в него „Отказ“.</translation>
    </message>
    <message>
        <source>This card has a dialog open: finish it or press its Cancel, then close the card.</source>
        <translation>В този картон има отворен прозорец: довършете го или натиснете в него „Отказ“, след това затворете картона.</translation>
    </message>
    <message>
        <source>{count} services · charged {charged} · paid {paid} · balance {balance}</source>
        <translation>Услуги: {count} · начислено {charged} · платено {paid} · остатък {balance}</translation>
    </message>
    <message>
        <source>In credit: {amount}</source>
        <translation>Кредит: {amount}</translation>
    </message>
    <message>
        <source>Balance: {amount}</source>
        <translation>Салдо: {amount}</translation>
    </message>
    <message>
        <source>The balance in the other currencies the hotel accepts</source>
        <translation>Салдото в другите валути, които хотелът приема</translation>
    </message>
    <message>
        <source>Deposit: {amount}</source>
        <translation>Депозит: {amount}</translation>
    </message>
    <message>
        <source>Credit limit: {amount}</source>
        <translation>Кредитен лимит: {amount}</translation>
    </message>
    <message>
        <source>{number} · {guests}</source>
        <translation>{number} · {guests}</translation>
    </message>
    <message>
        <source>Card · {title}</source>
        <translation>Картон · {title}</translation>
    </message>
    <message>
        <source>Reservation {number}</source>
        <translation>Резервация {number}</translation>
    </message>
    <message>
        <source>Room {number}, {type}</source>
        <translation>Стая {number}, {type}</translation>
    </message>
    <message>
        <source>No room yet</source>
        <translation>Още няма стая</translation>
    </message>
    <message>
        <source>{arrival} – {departure}, {nights} nights</source>
        <translation>{arrival} – {departure}, нощувки: {nights}</translation>
    </message>
    <message>
        <source>Company account</source>
        <translation>Сметка на фирма</translation>
    </message>
    <message>
        <source>Event · {start} – {end}</source>
        <translation>Събитие · {start} – {end}</translation>
    </message>
    <message>
        <source>Walk-in client</source>
        <translation>Клиент без резервация</translation>
    </message>
    <message>
        <source>Confirmed</source>
        <translation>Потвърдена</translation>
    </message>
    <message>
        <source>In house</source>
        <translation>Настанен</translation>
    </message>
    <message>
        <source>Checked out</source>
        <translation>Напуснал</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Анулирана</translation>
    </message>
    <message>
        <source>No-show</source>
        <translation>Неявяване</translation>
    </message>
    <message>
        <source>Pa&amp;yments on the deposit account</source>
        <translation>Пл&amp;ащания по депозитната сметка</translation>
    </message>
    <message>
        <source>Pa&amp;yments and refunds of bill {number}</source>
        <translation>Пл&amp;ащания и възстановявания по сметка {number}</translation>
    </message>
    <message>
        <source>Pa&amp;yments: choose a bill</source>
        <translation>Пл&amp;ащания: изберете сметка</translation>
    </message>
    <message>
        <source>Services on bill {number}</source>
        <translation>Услуги по сметка {number}</translation>
    </message>
    <message>
        <source>{date} {time} · {service} · {amount} · {source}</source>
        <translation>{date} {time} · {service} · {amount} · {source}</translation>
    </message>
    <message>
        <source>Reservation {number} is checked in.</source>
        <translation>Резервация {number} е настанена.</translation>
    </message>
    <message>
        <source>Print bill</source>
        <translation>Печат на сметка</translation>
    </message>
    <message>
        <source>Preparing bill {number}…</source>
        <translation>Подготовка на сметка {number}…</translation>
    </message>
    <message>
        <source>Bill saved to {path}</source>
        <translation>Сметката е записана в {path}</translation>
    </message>
    <message>
        <source>The bill is saved as:
{path}</source>
        <translation>Сметката е записана като:
{path}</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>&amp;Отвори</translation>
    </message>
    <message>
        <source>Bill saved to {path}; no PDF viewer could open it.</source>
        <translation>Сметката е записана в {path}; нито една програма за PDF не успя да я отвори.</translation>
    </message>
    <message>
        <source>Charge saved card…</source>
        <translation>Таксувай запазена карта…</translation>
    </message>
    <message>
        <source>Pre-authorise with saved card…</source>
        <translation>Предварителна авторизация със запазена карта…</translation>
    </message>
    <message>
        <source>C&amp;harge…</source>
        <translation>&amp;Таксувай…</translation>
    </message>
    <message>
        <source>Credit &amp;limit…</source>
        <translation>Кредитен &amp;лимит…</translation>
    </message>
    <message>
        <source>E-&amp;mail folio…</source>
        <translation>Изпращане на фолио по &amp;имейл…</translation>
    </message>
    <message>
        <source>Credit limit {limit} exceeded by {amount}</source>
        <translation>Кредитният лимит {limit} е превишен с {amount}</translation>
    </message>
    <message>
        <source>Issue &amp;invoice…</source>
        <translation>Издаване на &amp;фактура…</translation>
    </message>
    <message>
        <source>Invoice several bills of the compan&amp;y…</source>
        <translation>Фактура за няколко сметки на &amp;фирмата…</translation>
    </message>
    <message>
        <source>G&amp;uests</source>
        <translation>Г&amp;ости</translation>
    </message>
    <message>
        <source>A copy of receipt {number} was printed on register {register}.</source>
        <translation>Копие на бон {number} е отпечатано на каса {register}.</translation>
    </message>
    <message>
        <source>Printing a receipt copy</source>
        <translation>Печат на копие на бона</translation>
    </message>
    <message>
        <source>Issue invoice</source>
        <translation>Издаване на фактура</translation>
    </message>
    <message>
        <source>Issue an invoice for bill {number} to {payer}? An issued invoice is never changed, only credited.</source>
        <translation>Да се издаде ли фактура за сметка {number} на {payer}? Издадената фактура не се променя, само се кредитира.</translation>
    </message>
    <message>
        <source>Invoice {number} issued</source>
        <translation>Издадена фактура {number}</translation>
    </message>
    <message>
        <source>The invoice is saved as:
{path}</source>
        <translation>Фактурата е запазена като:
{path}</translation>
    </message>
    <message>
        <source>&amp;Guests</source>
        <translation>&amp;Гости</translation>
    </message>
    <message>
        <source>Guest · {name}…</source>
        <translation>Гост · {name}…</translation>
    </message>
</context>
<context>
    <name>RoomRackWindow</name>
    <message>
        <source>Room rack</source>
        <translation>Шахматка на стаите</translation>
    </message>
    <message>
        <source>Mark &amp;clean</source>
        <translation>Отбележи като &amp;почистена</translation>
    </message>
    <message>
        <source>Mark &amp;dirty</source>
        <translation>Отбележи като &amp;мръсна</translation>
    </message>
    <message>
        <source>&amp;Reload</source>
        <translation>&amp;Обнови</translation>
    </message>
    <message>
        <source>Green: in house · blue: expected · grey: checked out</source>
        <translation>Зелено: настанени · синьо: очаквани · сиво: напуснали</translation>
    </message>
</context>
<context>
    <name>RoomsDialog</name>
    <message>
        <source>Rooms and room types</source>
        <translation>Стаи и типове стаи</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>&amp;Добави</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Код</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Име</translation>
    </message>
    <message>
        <source>Rate per night</source>
        <translation>Цена за нощувка</translation>
    </message>
    <message>
        <source>Beds</source>
        <translation>Легла</translation>
    </message>
    <message>
        <source>Rooms</source>
        <translation>Стаи</translation>
    </message>
    <message>
        <source>New room type</source>
        <translation>Нов тип стая</translation>
    </message>
    <message>
        <source>C&amp;ode:</source>
        <translation>&amp;Код:</translation>
    </message>
    <message>
        <source>&amp;Name (English):</source>
        <translation>&amp;Име (англ.):</translation>
    </message>
    <message>
        <source>Name in &amp;Russian:</source>
        <translation>Име на &amp;руски:</translation>
    </message>
    <message>
        <source>Name in &amp;Bulgarian:</source>
        <translation>Име на &amp;български:</translation>
    </message>
    <message>
        <source>Rate per ni&amp;ght ({currency}):</source>
        <translation>Цена за &amp;нощувка ({currency}):</translation>
    </message>
    <message>
        <source>B&amp;eds:</source>
        <translation>&amp;Легла:</translation>
    </message>
    <message>
        <source>New room</source>
        <translation>Нова стая</translation>
    </message>
    <message>
        <source>Room n&amp;umber:</source>
        <translation>Н&amp;омер на стаята:</translation>
    </message>
    <message>
        <source>&amp;Type:</source>
        <translation>&amp;Тип:</translation>
    </message>
    <message>
        <source>&amp;Floor:</source>
        <translation>&amp;Етаж:</translation>
    </message>
    <message>
        <source>Fill in a new room type&apos;s code, or a new room&apos;s number.</source>
        <translation>Попълнете кода на новия тип стая или номера на новата стая.</translation>
    </message>
</context>
<context>
    <name>SavedCardDialog</name>
    <message>
        <source>Am&amp;ount:</source>
        <translation>С&amp;ума:</translation>
    </message>
    <message>
        <source>C&amp;harge the saved card directly</source>
        <translation>Т&amp;аксувай запазената карта директно</translation>
    </message>
    <message>
        <source>Charge saved card</source>
        <translation>Таксуване на запазена карта</translation>
    </message>
    <message>
        <source>Pre-authorise with saved card</source>
        <translation>Предварителна авторизация със запазена карта</translation>
    </message>
    <message>
        <source>Capture pre-authorisation</source>
        <translation>Усвояване на предварителна авторизация</translation>
    </message>
    <message>
        <source>Release pre-authorisation</source>
        <translation>Освобождаване на предварителна авторизация</translation>
    </message>
    <message>
        <source>Refund to the saved card</source>
        <translation>Възстановяване към запазената карта</translation>
    </message>
    <message>
        <source>C&amp;harge</source>
        <translation>&amp;Таксувай</translation>
    </message>
    <message>
        <source>&amp;Pre-authorise</source>
        <translation>&amp;Предварителна авторизация</translation>
    </message>
    <message>
        <source>Ca&amp;pture</source>
        <translation>Ус&amp;вояване</translation>
    </message>
    <message>
        <source>Re&amp;lease</source>
        <translation>Ос&amp;вобождаване</translation>
    </message>
    <message>
        <source>&amp;Refund</source>
        <translation>&amp;Възстанови</translation>
    </message>
    <message>
        <source>{brand} {number}, {holder} · {operator}</source>
        <translation>{brand} {number}, {holder} · {operator}</translation>
    </message>
    <message>
        <source>Pre-authorisation of {amount} · {operator}</source>
        <translation>Предварителна авторизация за {amount} · {operator}</translation>
    </message>
    <message>
        <source>Payment {payment}, {brand} {number} · {operator}</source>
        <translation>Плащане {payment}, {brand} {number} · {operator}</translation>
    </message>
    <message>
        <source>Asking {operator}…</source>
        <translation>Запитване към {operator}…</translation>
    </message>
    <message>
        <source>Cancelling… if the request already left, its answer is waited for.</source>
        <translation>Отказване… ако заявката вече е изпратена, отговорът ѝ се изчаква.</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>&amp;Затвори</translation>
    </message>
    <message>
        <source>Approved (ref. {reference}).</source>
        <translation>Одобрено (номер {reference}).</translation>
    </message>
    <message>
        <source>The bank has already released this pre-authorisation: nothing can be captured on it. Charge the saved card directly for the amount instead?</source>
        <translation>Банката вече е освободила тази предварителна авторизация: нищо не може да се усвои. Да се таксува ли запазената карта директно за сумата?</translation>
    </message>
    <message>
        <source>The bank wants the cardholder to confirm this payment, which cannot be done without them: take it on the card terminal with the guest present. Nothing was charged.</source>
        <translation>Банката иска картодържателят да потвърди това плащане, а без него това е невъзможно: направете го на картовия терминал в присъствието на госта. Нищо не е таксувано.</translation>
    </message>
    <message>
        <source>The card was declined ({code}). Nothing was charged.</source>
        <translation>Картата е отхвърлена ({code}). Нищо не е таксувано.</translation>
    </message>
    <message>
        <source>no reason given</source>
        <translation>без посочена причина</translation>
    </message>
    <message>
        <source>Cancelled before the request was sent. Nothing was charged.</source>
        <translation>Отказано преди изпращането на заявката. Нищо не е таксувано.</translation>
    </message>
    <message>
        <source>{operator} refused the request: {error}. Nothing was charged.</source>
        <translation>{operator} отказа заявката: {error}. Нищо не е таксувано.</translation>
    </message>
    <message>
        <source>{operator} has the request and confirms it in a moment. Until then the operation is listed under Pending card operations and the bill takes no other card payment.</source>
        <translation>{operator} получи заявката и скоро ще я потвърди. Дотогава операцията е в „Незавършени операции с карти“ и сметката не приема други плащания с карта.</translation>
    </message>
    <message>
        <source>{operator} did not answer. The operation is listed under Pending card operations, where {operator} is asked again by the desk&apos;s own key; the bill takes no other card payment until then.</source>
        <translation>{operator} не отговори. Операцията е в „Незавършени операции с карти“, където {operator} се пита отново по собствения ключ на касата; дотогава сметката не приема друго плащане с карта.</translation>
    </message>
    <message>
        <source>{operator} gives back only the whole payment until its day is settled, usually overnight: refund the whole now, or this part tomorrow. Nothing was refunded.</source>
        <translation>{operator} връща само цялото плащане, докато денят му не е приключен (обикновено през нощта): върнете цялата сума сега или тази част утре. Нищо не е върнато.</translation>
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
        <translation type="vanished">Марка</translation>
    </message>
    <message>
        <source>Expiry</source>
        <translation>Валидност</translation>
    </message>
    <message>
        <source>Holder</source>
        <translation>Притежател</translation>
    </message>
    <message>
        <source>Days until deleted</source>
        <translation>Дни до изтриване</translation>
    </message>
</context>
<context>
    <name>ServiceDetailsDialog</name>
    <message>
        <source>{outlet}, check {check}</source>
        <translation>{outlet}, сметка {check}</translation>
    </message>
    <message>
        <source>Front desk</source>
        <translation>Рецепция</translation>
    </message>
    <message>
        <source>Night audit</source>
        <translation>Нощен одит</translation>
    </message>
    <message>
        <source>Point of sale</source>
        <translation>Точка на продажба</translation>
    </message>
    <message>
        <source>Transfer from another folio</source>
        <translation>Прехвърляне от друго фолио</translation>
    </message>
    <message>
        <source>Service details</source>
        <translation>Подробности за услугата</translation>
    </message>
    <message>
        <source>Ordered:</source>
        <translation>Поръчано:</translation>
    </message>
    <message>
        <source>Outlet:</source>
        <translation>Обект:</translation>
    </message>
    <message>
        <source>Check number:</source>
        <translation>Номер на сметката:</translation>
    </message>
    <message>
        <source>Source:</source>
        <translation>Източник:</translation>
    </message>
    <message>
        <source>Bill:</source>
        <translation>Сметка:</translation>
    </message>
    <message>
        <source>Tax:</source>
        <translation>Данък:</translation>
    </message>
    <message>
        <source>{percent}% · {amount} included</source>
        <translation>{percent}% · включени {amount}</translation>
    </message>
    <message>
        <source>Posted:</source>
        <translation>Осчетоводено:</translation>
    </message>
    <message>
        <source>{when} by {user} at {workstation}</source>
        <translation>{when} от {user} на {workstation}</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>Артикул</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>Количество</translation>
    </message>
    <message>
        <source>Unit price</source>
        <translation>Единична цена</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Сума</translation>
    </message>
    <message>
        <source>Composition:</source>
        <translation>Състав:</translation>
    </message>
    <message>
        <source>Total: {amount}</source>
        <translation>Общо: {amount}</translation>
    </message>
    <message>
        <source>Moved from bill {source} to bill {target} on {when} by {user}.</source>
        <translation>Преместено от сметка {source} в сметка {target} на {when} от {user}.</translation>
    </message>
    <message>
        <source>This line cancels another service</source>
        <translation>Този ред анулира друга услуга</translation>
    </message>
    <message>
        <source>Voided</source>
        <translation>Анулирано</translation>
    </message>
    <message>
        <source>Cancelled at its source</source>
        <translation>Анулирано в източника</translation>
    </message>
    <message>
        <source>When:</source>
        <translation>Кога:</translation>
    </message>
    <message>
        <source>Who:</source>
        <translation>Кой:</translation>
    </message>
    <message>
        <source>{user} at {workstation}</source>
        <translation>{user} на {workstation}</translation>
    </message>
    <message>
        <source>Authorised by:</source>
        <translation>Разрешено от:</translation>
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
        <translation>Настройка на хотела</translation>
    </message>
    <message>
        <source>The hotel</source>
        <translation>Хотелът</translation>
    </message>
    <message>
        <source>As it is printed on receipts and invoices.</source>
        <translation>Както се отпечатва в касовите бележки и фактурите.</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Наименование:</translation>
    </message>
    <message>
        <source>&amp;Address:</source>
        <translation>&amp;Адрес:</translation>
    </message>
    <message>
        <source>&amp;Tax ID:</source>
        <translation>&amp;ЕИК:</translation>
    </message>
    <message>
        <source>&amp;VAT number:</source>
        <translation>&amp;ДДС номер:</translation>
    </message>
    <message>
        <source>Accountable &amp;person:</source>
        <translation>&amp;МОЛ:</translation>
    </message>
    <message>
        <source>C&amp;ity:</source>
        <translation>&amp;Град:</translation>
    </message>
    <message>
        <source>&amp;Country:</source>
        <translation>&amp;Държава:</translation>
    </message>
    <message>
        <source>Fiscal documents in:</source>
        <translation>Език на фискалните документи:</translation>
    </message>
    <message>
        <source>&amp;Time zone:</source>
        <translation>&amp;Часова зона:</translation>
    </message>
    <message>
        <source>English</source>
        <translation>английски</translation>
    </message>
    <message>
        <source>Russian</source>
        <translation>руски</translation>
    </message>
    <message>
        <source>Bulgarian</source>
        <translation>български</translation>
    </message>
    <message>
        <source>Money and VAT</source>
        <translation>Пари и ДДС</translation>
    </message>
    <message>
        <source>The currency the books are kept in, the others the desk accepts, and the VAT rates.</source>
        <translation>Валутата на счетоводството, другите приемани валути и ставките на ДДС.</translation>
    </message>
    <message>
        <source>&amp;Base currency:</source>
        <translation>&amp;Основна валута:</translation>
    </message>
    <message>
        <source>Other currencies (one unit in the base currency):</source>
        <translation>Други валути (една единица в основната валута):</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>Валута</translation>
    </message>
    <message>
        <source>Rate</source>
        <translation>Курс</translation>
    </message>
    <message>
        <source>VAT rates:</source>
        <translation>Ставки на ДДС:</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Код</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Наименование</translation>
    </message>
    <message>
        <source>Percent</source>
        <translation>Процент</translation>
    </message>
    <message>
        <source>VAT 20%</source>
        <translation>ДДС 20%</translation>
    </message>
    <message>
        <source>VAT 9%</source>
        <translation>ДДС 9%</translation>
    </message>
    <message>
        <source>No VAT</source>
        <translation>Без ДДС</translation>
    </message>
    <message>
        <source>The first manager</source>
        <translation>Първият мениджър</translation>
    </message>
    <message>
        <source>Who signs in first and adds the colleagues.</source>
        <translation>Който влиза пръв и добавя колегите.</translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation>&amp;Потребителско име:</translation>
    </message>
    <message>
        <source>&amp;Full name:</source>
        <translation>&amp;Пълно име:</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>&amp;Парола:</translation>
    </message>
    <message>
        <source>&amp;Repeat:</source>
        <translation>&amp;Повторете:</translation>
    </message>
    <message>
        <source>At least {length} characters, not the user name. You choose another at the first sign-in.</source>
        <translation>Поне {length} знака, не потребителското име. При първото влизане ще изберете друга.</translation>
    </message>
    <message>
        <source>The two passwords differ.</source>
        <translation>Двете пароли се различават.</translation>
    </message>
</context>
<context>
    <name>SettleByHandDialog</name>
    <message>
        <source>Settle by hand</source>
        <translation>Уреждане ръчно</translation>
    </message>
    <message>
        <source>&amp;Settle</source>
        <translation>&amp;Уреди</translation>
    </message>
    <message>
        <source>The terminal cannot say how this ended. Settle it only from evidence: the receipt the terminal printed, or the bank&apos;s statement. Asked for: {amount}.</source>
        <translation>Терминалът не може да каже как е завършило. Уреждайте само по доказателство: бележката от терминала или извлечението от банката. Поискано: {amount}.</translation>
    </message>
    <message>
        <source>It went through: the terminal printed a receipt</source>
        <translation>Премина: терминалът отпечата бележка</translation>
    </message>
    <message>
        <source>It did not go through: no money moved</source>
        <translation>Не премина: не са движени пари</translation>
    </message>
    <message>
        <source>&amp;Receipt number:</source>
        <translation>&amp;Номер на бележката:</translation>
    </message>
    <message>
        <source>&amp;Amount on the receipt:</source>
        <translation>&amp;Сума по бележката:</translation>
    </message>
    <message>
        <source>What you checked</source>
        <translation>Какво проверихте</translation>
    </message>
    <message>
        <source>&amp;Evidence:</source>
        <translation>&amp;Доказателство:</translation>
    </message>
    <message>
        <source>Say whether it went through.</source>
        <translation>Посочете дали е преминала.</translation>
    </message>
    <message>
        <source>Type the receipt number the terminal printed.</source>
        <translation>Въведете номера на бележката, отпечатана от терминала.</translation>
    </message>
    <message>
        <source>Say what shows how it ended.</source>
        <translation>Посочете какво показва как е завършило.</translation>
    </message>
    <message>
        <source>The card operator {operator} cannot say how this ended. Settle it only from what its back office shows for this operation. Asked for: {amount}.</source>
        <translation>Картовият оператор {operator} не може да каже как е завършила операцията. Уреждайте я само според това, което показва неговият бек офис за нея. Поискано: {amount}.</translation>
    </message>
    <message>
        <source>It went through: the operator&apos;s back office shows it done</source>
        <translation>Премина: бек офисът на оператора я показва извършена</translation>
    </message>
    <message>
        <source>Operator&apos;s &amp;reference:</source>
        <translation>&amp;Референция при оператора:</translation>
    </message>
    <message>
        <source>&amp;Amount the operator shows:</source>
        <translation>&amp;Сума при оператора:</translation>
    </message>
    <message>
        <source>Type the operator&apos;s reference for this operation.</source>
        <translation>Въведете референцията на тази операция при оператора.</translation>
    </message>
</context>
<context>
    <name>SettleRegisterDocumentDialog</name>
    <message>
        <source>Settle a register document by hand</source>
        <translation>Ръчно приключване на документ на каса</translation>
    </message>
    <message>
        <source>&amp;Settle</source>
        <translation>&amp;Приключи</translation>
    </message>
    <message>
        <source>Register {register} could not say whether it issued this {document} of {amount} (our key {key}). Settle it only from the register&apos;s own report: its last documents in the fiscal storage or the printer&apos;s electronic journal.</source>
        <translation>Касата „{register}“ не можа да каже дали е издала този документ ({document}) за {amount} (наш ключ {key}). Приключете го само по собствения отчет на касата: последните документи във фискалната памет или електронната контролна лента на принтера.</translation>
    </message>
    <message>
        <source>The register issued it: its report shows the document</source>
        <translation>Касата го е издала: документът е в отчета ѝ</translation>
    </message>
    <message>
        <source>The register did not issue it: the receipt may be printed again</source>
        <translation>Касата не го е издала: бележката може да се отпечата отново</translation>
    </message>
    <message>
        <source>&amp;Receipt number:</source>
        <translation>&amp;Номер на бележката:</translation>
    </message>
    <message>
        <source>ends in {sequence}</source>
        <translation>завършва на {sequence}</translation>
    </message>
    <message>
        <source>&amp;Unique sale number (УНП):</source>
        <translation>&amp;Уникален номер на продажбата (УНП):</translation>
    </message>
    <message>
        <source>Fiscal &amp;document number (ФД):</source>
        <translation>Номер на фискалния &amp;документ (ФД):</translation>
    </message>
    <message>
        <source>Fiscal &amp;sign (ФП):</source>
        <translation>Фискален &amp;признак (ФП):</translation>
    </message>
    <message>
        <source>like 07.12.2026 14:05</source>
        <translation>например 07.12.2026 14:05</translation>
    </message>
    <message>
        <source>Date and &amp;time:</source>
        <translation>Дата и &amp;час:</translation>
    </message>
    <message>
        <source>What the register&apos;s report shows</source>
        <translation>Какво показва отчетът на касата</translation>
    </message>
    <message>
        <source>&amp;Evidence:</source>
        <translation>&amp;Доказателство:</translation>
    </message>
    <message>
        <source>Say whether the register issued it.</source>
        <translation>Посочете дали касата го е издала.</translation>
    </message>
    <message>
        <source>Type the document number the register&apos;s report shows.</source>
        <translation>Въведете номера на документа от отчета на касата.</translation>
    </message>
    <message>
        <source>Type it as the register&apos;s report shows it.</source>
        <translation>Въведете го както е в отчета на касата.</translation>
    </message>
    <message>
        <source>Say what the register&apos;s report shows.</source>
        <translation>Посочете какво показва отчетът на касата.</translation>
    </message>
</context>
<context>
    <name>ShiftDialogs</name>
    <message>
        <source>{document} is issued but did not print whole: {error}. It waits in Shift → Check receipts to be printed again.</source>
        <translation>{document} — издадено, но не е отпечатано изцяло: {error}. Документът чака повторен печат в „Смяна → Проверка на касовите бележки“.</translation>
    </message>
    <message>
        <source>The register did not print: {problems}</source>
        <translation>Касата не отпечата документа: {problems}</translation>
    </message>
    <message>
        <source>Printing on the register</source>
        <translation>Печат на касата</translation>
    </message>
</context>
<context>
    <name>ShiftReportDialog</name>
    <message>
        <source>Z report</source>
        <translation>Z отчет</translation>
    </message>
    <message>
        <source>X report</source>
        <translation>X отчет</translation>
    </message>
    <message>
        <source>{report} · shift {number} · {workstation}</source>
        <translation>{report} · смяна {number} · {workstation}</translation>
    </message>
    <message>
        <source>Opened {when} by {name}</source>
        <translation>Открита {when} от {name}</translation>
    </message>
    <message>
        <source>Closed {when} by {name}</source>
        <translation>Закрита {when} от {name}</translation>
    </message>
    <message>
        <source>Float</source>
        <translation>Начална наличност</translation>
    </message>
    <message>
        <source>Cash received</source>
        <translation>Получени в брой</translation>
    </message>
    <message>
        <source>Cash given back</source>
        <translation>Върнати в брой</translation>
    </message>
    <message>
        <source>Cash in</source>
        <translation>Служебно въведени</translation>
    </message>
    <message>
        <source>Cash out</source>
        <translation>Служебно изведени</translation>
    </message>
    <message>
        <source>Expected in drawer</source>
        <translation>Очаквано в касата</translation>
    </message>
    <message>
        <source>Counted</source>
        <translation>Преброено</translation>
    </message>
    <message>
        <source>Over / short</source>
        <translation>Излишък / липса</translation>
    </message>
    <message>
        <source>Payments by method</source>
        <translation>Плащания по вид</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>Начин</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>Валута</translation>
    </message>
    <message>
        <source>Payments</source>
        <translation>Плащания</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Получено</translation>
    </message>
    <message>
        <source>Refunds</source>
        <translation>Връщания</translation>
    </message>
    <message>
        <source>Given back</source>
        <translation>Върнато</translation>
    </message>
    <message>
        <source>Saved as {path}</source>
        <translation>Записано като {path}</translation>
    </message>
    <message>
        <source>Open &amp;PDF</source>
        <translation>Отваряне на &amp;PDF</translation>
    </message>
    <message>
        <source>{currency}: short by {amount}</source>
        <translation>{currency}: липса {amount}</translation>
    </message>
    <message>
        <source>{currency}: over by {amount}</source>
        <translation>{currency}: излишък {amount}</translation>
    </message>
    <message>
        <source>{currency}: exact</source>
        <translation>{currency}: без разлика</translation>
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
        <translation>Касиер</translation>
    </message>
    <message>
        <source>Manager</source>
        <translation>Мениджър</translation>
    </message>
    <message>
        <source>POS service</source>
        <translation>POS услуга</translation>
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
        <translation>Смяна на потребител</translation>
    </message>
    <message>
        <source>Desk locked</source>
        <translation>Работното място е заключено</translation>
    </message>
    <message>
        <source>{reason}. Whoever works at this desk now signs in.</source>
        <translation>{reason}. Влезте със своето име, за да продължите.</translation>
    </message>
    <message>
        <source>{name} locked this desk. {name} or a manager can unlock it.</source>
        <translation>{name} заключи това работно място. Може да го отключи {name} или мениджър.</translation>
    </message>
    <message>
        <source>Type your password, or your PIN to switch quickly.</source>
        <translation>Въведете паролата си или PIN кода за бърза смяна.</translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation>&amp;Потребителско име:</translation>
    </message>
    <message>
        <source>&amp;Password or PIN:</source>
        <translation>П&amp;арола или PIN код:</translation>
    </message>
    <message>
        <source>&amp;Sign in</source>
        <translation>&amp;Вход</translation>
    </message>
    <message>
        <source>Type your user name and your password or PIN.</source>
        <translation>Въведете потребителско име и парола или PIN код.</translation>
    </message>
    <message>
        <source>Only {name} or a manager can unlock this desk.</source>
        <translation>Само {name} или мениджър може да отключи това работно място.</translation>
    </message>
    <message>
        <source>Too many failed attempts: {user} cannot sign in until {time}.</source>
        <translation>Твърде много неуспешни опити: {user} не може да влезе до {time}.</translation>
    </message>
    <message>
        <source>A manager signs in with the password, not a PIN.</source>
        <translation>Мениджърът влиза с парола, а не с PIN код.</translation>
    </message>
    <message>
        <source>Wrong user name, password or PIN.</source>
        <translation>Грешно потребителско име, парола или PIN код.</translation>
    </message>
    <message>
        <source>Signing in failed: {error}</source>
        <translation>Входът не успя: {error}</translation>
    </message>
    <message>
        <source>&amp;New password:</source>
        <translation>&amp;Нова парола:</translation>
    </message>
    <message>
        <source>&amp;Repeat:</source>
        <translation>&amp;Повторете:</translation>
    </message>
    <message>
        <source>New PIN (optional):</source>
        <translation>Нов ПИН (по желание):</translation>
    </message>
    <message>
        <source>Your password was set by someone else. Choose your own: at least {length} characters, not your user name.</source>
        <translation>Паролата ви е зададена от друг. Изберете своя: поне {length} знака, не потребителското ви име.</translation>
    </message>
    <message>
        <source>&amp;Save and sign in</source>
        <translation>&amp;Запази и влез</translation>
    </message>
    <message>
        <source>The two passwords differ.</source>
        <translation>Двете пароли се различават.</translation>
    </message>
</context>
<context>
    <name>SplitBillDialog</name>
    <message>
        <source>Split bill</source>
        <translation>Разделяне на сметка</translation>
    </message>
    <message>
        <source>&amp;Split</source>
        <translation>&amp;Разделяне</translation>
    </message>
    <message>
        <source>Tick the ser&amp;vices that go on the new bill:</source>
        <translation>Отметнете ус&amp;лугите, които отиват в новата сметка:</translation>
    </message>
    <message>
        <source>&amp;Guest:</source>
        <translation>&amp;Гост:</translation>
    </message>
    <message>
        <source>&amp;Company:</source>
        <translation>&amp;Фирма:</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Име:</translation>
    </message>
    <message>
        <source>New payer:</source>
        <translation>Нов платец:</translation>
    </message>
    <message>
        <source>This bill has no services to split off.</source>
        <translation>В тази сметка няма услуги за отделяне.</translation>
    </message>
    <message>
        <source>{count} selected · {amount}</source>
        <translation>Избрани: {count} · {amount}</translation>
    </message>
    <message>
        <source>Tick the services that go on the new bill.</source>
        <translation>Отметнете услугите, които отиват в новата сметка.</translation>
    </message>
    <message>
        <source>Choose the guest who pays.</source>
        <translation>Изберете госта, който плаща.</translation>
    </message>
    <message>
        <source>Choose the company that pays.</source>
        <translation>Изберете фирмата, която плаща.</translation>
    </message>
    <message>
        <source>Type the payer&apos;s name.</source>
        <translation>Въведете името на платеца.</translation>
    </message>
</context>
<context>
    <name>Startup</name>
    <message>
        <source>Opening the database…</source>
        <translation>Отваряне на базата данни…</translation>
    </message>
    <message>
        <source>Setting up the demo hotel…</source>
        <translation>Подготовка на демонстрационния хотел…</translation>
    </message>
    <message>
        <source>There is no user “{user}” in this hotel. Start with --user and a user the hotel has set up.</source>
        <translation>В този хотел няма потребител „{user}“. Стартирайте с --user и потребител, създаден в хотела.</translation>
    </message>
    <message>
        <source>Closing: the work still running is finished first…</source>
        <translation>Затваряне: първо се довършва работата, която още тече…</translation>
    </message>
    <message>
        <source>&amp;Quit now</source>
        <translation>&amp;Изход сега</translation>
    </message>
    <message>
        <source>Front desk</source>
        <translation>Рецепция</translation>
    </message>
    <message>
        <source>The database {url} could not be opened:
{error}</source>
        <translation>Базата данни {url} не може да бъде отворена:
{error}</translation>
    </message>
</context>
<context>
    <name>StorageWatch</name>
    <message>
        <source>FS: not read, the register did not answer</source>
        <translation>ФН: непрочетен, касата не отговори</translation>
    </message>
    <message>
        <source>The register did not answer on {day} at {time}</source>
        <translation>Касата не отговори на {day} в {time}</translation>
    </message>
    <message>
        <source>Read from register {register} on {day} at {time}</source>
        <translation>Прочетено от каса {register} на {day} в {time}</translation>
    </message>
    <message>
        <source>as of {day} {time}</source>
        <translation>към {day} {time}</translation>
    </message>
    <message>
        <source>as of {time}</source>
        <translation type="vanished">към {time}</translation>
    </message>
    <message>
        <source>The register did not answer at {time}</source>
        <translation>Касата не отговори в {time}</translation>
    </message>
</context>
<context>
    <name>TerminalDialog</name>
    <message>
        <source>Add card terminal</source>
        <translation>Добавяне на картов терминал</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Име:</translation>
    </message>
    <message>
        <source>&amp;Address:</source>
        <translation>&amp;Адрес:</translation>
    </message>
    <message>
        <source>&amp;Currency:</source>
        <translation>&amp;Валута:</translation>
    </message>
    <message>
        <source>Cashier &amp;password:</source>
        <translation>Касиерска &amp;парола:</translation>
    </message>
</context>
<context>
    <name>TerminalReferenceDialog</name>
    <message>
        <source>Save a card from the terminal&apos;s receipt</source>
        <translation>Запазване на карта по бележката от терминала</translation>
    </message>
    <message>
        <source>&amp;Save card</source>
        <translation>&amp;Запази картата</translation>
    </message>
    <message>
        <source>Looking for the hotel&apos;s Saferpay account…</source>
        <translation>Търсене на профила на хотела в Saferpay…</translation>
    </message>
    <message>
        <source>No Saferpay account is set up: a manager adds it in Settings, Card operators.</source>
        <translation>Няма настроен профил в Saferpay: мениджър го добавя в Настройки, Оператори на карти.</translation>
    </message>
    <message>
        <source>Save a card from the terminal&apos;s receipt · {operator}</source>
        <translation>Запазване на карта по бележката от терминала · {operator}</translation>
    </message>
    <message>
        <source>Pre-authorise 0.01 on the terminal with the guest&apos;s card, then type the transaction reference its receipt shows. {operator} saves that card for later; release the 0.01 afterwards.</source>
        <translation>Направете на терминала предварителна авторизация за 0.01 с картата на госта, след това въведете референцията на транзакцията от бележката. {operator} записва картата за по-късни плащания; после освободете 0.01.</translation>
    </message>
    <message>
        <source>Asking {operator}… Cancel stops waiting: what it did is then asked under Pending card operations.</source>
        <translation>Запитване към {operator}… „Отказ“ спира чакането: какво е направено, се пита после в „Чакащи операции с карти“.</translation>
    </message>
    <message>
        <source>Stopped waiting for {operator}. The card is listed under Pending card operations, where {operator} is asked whether it saved it.</source>
        <translation>Чакането на {operator} е спряно. Картата е в „Чакащи операции с карти“, където {operator} се пита дали я е запазил.</translation>
    </message>
    <message>
        <source>Asking {operator}…</source>
        <translation type="vanished">Запитване към {operator}…</translation>
    </message>
    <message>
        <source>{operator} did not answer. The card is listed under Pending card operations, where {operator} is asked again whether it saved it.</source>
        <translation>{operator} не отговори. Картата е в „Чакащи операции с карти“, където {operator} се пита отново дали я е запазил.</translation>
    </message>
    <message>
        <source>{operator} knows no terminal transaction with this reference: check it on the receipt and type it again. Nothing was saved.</source>
        <translation>{operator} не познава транзакция от терминала с тази референция: проверете я на бележката и я въведете отново. Нищо не е записано.</translation>
    </message>
    <message>
        <source>{operator} refused it: {error}. Nothing was saved.</source>
        <translation>{operator} отказа: {error}. Нищо не е записано.</translation>
    </message>
</context>
<context>
    <name>VoidDialog</name>
    <message>
        <source>Void</source>
        <translation>Анулиране</translation>
    </message>
    <message>
        <source>&amp;Void</source>
        <translation>&amp;Анулиране</translation>
    </message>
    <message>
        <source>Nothing is deleted: the line stays on the card, struck out, with who asked, who authorised, when and why.</source>
        <translation>Нищо не се изтрива: редът остава в картона, зачеркнат, с информация кой е поискал, кой е разрешил, кога и защо.</translation>
    </message>
    <message>
        <source>Required</source>
        <translation>Задължително</translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation>&amp;Причина:</translation>
    </message>
    <message>
        <source>Void a service</source>
        <translation>Анулиране на услуга</translation>
    </message>
    <message>
        <source>Service:</source>
        <translation>Услуга:</translation>
    </message>
    <message>
        <source>Ordered:</source>
        <translation>Поръчано:</translation>
    </message>
    <message>
        <source>Amount:</source>
        <translation>Сума:</translation>
    </message>
    <message>
        <source>{quantity} × {price} = {amount}</source>
        <translation>{quantity} × {price} = {amount}</translation>
    </message>
    <message>
        <source>Bill:</source>
        <translation>Сметка:</translation>
    </message>
    <message>
        <source>Source:</source>
        <translation>Източник:</translation>
    </message>
    <message>
        <source>This line is itself a cancellation and cannot be voided.</source>
        <translation>Този ред сам по себе си е анулиране и не може да бъде анулиран.</translation>
    </message>
    <message>
        <source>This service is already cancelled.</source>
        <translation>Тази услуга вече е анулирана.</translation>
    </message>
    <message>
        <source>Void a payment</source>
        <translation>Анулиране на плащане</translation>
    </message>
    <message>
        <source>Method:</source>
        <translation>Начин на плащане:</translation>
    </message>
    <message>
        <source>Date, payer:</source>
        <translation>Дата, платец:</translation>
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
        <translation>Отмяна на прехвърляне към сметка на фирма</translation>
    </message>
    <message>
        <source>The charge on the account of {company} is reversed with it: the bill owes {amount} again, and the company no longer does.</source>
        <translation>Начислението по сметката на {company} се сторнира заедно с него: сметката отново дължи {amount}, а фирмата вече не дължи.</translation>
    </message>
    <message>
        <source>Money taken on the card terminal is given back on the terminal: use Refund to the card. Void it here only when the money was already given back outside the desk; say how in the reason (the terminal&apos;s receipt number, the bank&apos;s reference).</source>
        <translation>Парите, приети на картовия терминал, се връщат на терминала: използвайте „Възстановяване по картата“. Анулирайте тук само ако парите вече са върнати извън касата; посочете в причината как (номер на бележката от терминала, референция от банката).</translation>
    </message>
    <message>
        <source>The money was given back &amp;outside the desk</source>
        <translation>Парите са върнати &amp;извън касата</translation>
    </message>
    <message>
        <source>Give it back with Refund to the card, or tick that the money was given back outside the desk.</source>
        <translation>Върнете парите с „Възстановяване по картата“ или отбележете, че са върнати извън касата.</translation>
    </message>
    <message>
        <source>Only a payment, a deposit or a refund can be voided.</source>
        <translation type="vanished">Може да се анулира само плащане, депозит или възстановяване.</translation>
    </message>
    <message>
        <source>This payment is already voided.</source>
        <translation type="vanished">Това плащане вече е анулирано.</translation>
    </message>
    <message>
        <source>This payment has refunds: void them first.</source>
        <translation type="vanished">Това плащане има възстановявания: първо ги анулирайте.</translation>
    </message>
    <message>
        <source>Say why it is voided.</source>
        <translation>Посочете причината за анулирането.</translation>
    </message>
    <message>
        <source>Money charged through the card operator {operator} is given back through it: use Refund to the card, which asks the operator first and books the refund once it has done it. Void it here only when the money was already given back outside the desk; say how in the reason (the operator&apos;s reference).</source>
        <translation>Парите, таксувани чрез оператора на карти {operator}, се връщат чрез него: използвайте „Възстановяване по карта“ — първо се пита операторът, а връщането се осчетоводява, щом той го извърши. Анулирайте тук само ако парите вече са върнати извън програмата; посочете в причината как (референцията на оператора).</translation>
    </message>
</context>
</TS>

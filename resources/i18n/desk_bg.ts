<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="bg" sourcelanguage="en">
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
</TS>

"""ZVT, the cash-register protocol of German-speaking Europe's card terminals (ECR interface).

`apdu`, `bmp` and `tlv` turn messages into bytes and back; `framing` carries APDUs over TCP or over
a serial line (DLE STX ... DLE ETX, CRC, ACK/NAK); `client` runs the ECR side of each operation.
"""

def differ_short(I):
    O = hmirror(I)
    return O

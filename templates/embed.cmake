# templates/embed.cmake: writes a header holding a template file as a string
# (cmake -DIN=file -DOUT=header -DNAME=symbol -P embed.cmake).
file(READ ${IN} BODY)
string(FIND "${BODY}" ")BATTC_TEMPLATE\"" CLASH)
if(NOT CLASH EQUAL -1)
  message(FATAL_ERROR "${IN} contains the raw string delimiter")
endif()
file(WRITE ${OUT} "// Generated from ${IN} by templates/embed.cmake. Do not edit.\n#pragma once\n\nnamespace battc::generator {\ninline constexpr const char* ${NAME} = R\"BATTC_TEMPLATE(${BODY})BATTC_TEMPLATE\";\n}\n")

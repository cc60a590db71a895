# templates/embed.cmake: writes a header holding a template file as a string
# (cmake -DIN=file -DOUT=header -DNAME=symbol [-DNAMESPACE=ns] -P embed.cmake;
# the namespace defaults to battc::generator).
file(READ ${IN} BODY)
string(FIND "${BODY}" ")BATTC_TEMPLATE\"" CLASH)
if(NOT CLASH EQUAL -1)
  message(FATAL_ERROR "${IN} contains the raw string delimiter")
endif()
if(NOT NAMESPACE)
  set(NAMESPACE battc::generator)
endif()
file(WRITE ${OUT} "// Generated from ${IN} by templates/embed.cmake. Do not edit.\n#pragma once\n\nnamespace ${NAMESPACE} {\ninline constexpr const char* ${NAME} = R\"BATTC_TEMPLATE(${BODY})BATTC_TEMPLATE\";\n}\n")

/* langid_data.S - links the language-id table (BUILD/gen/langid.bin, made
 * by data/gen_langid_table.c during the build; the path comes in as
 * XC_LANGID_BIN) into the binary as read-only bytes for langid.c. */
        .section .rodata
        .balign 64
        .globl xc_langid_table_start
xc_langid_table_start:
        .incbin XC_LANGID_BIN
        .section .note.GNU-stack,"",@progbits

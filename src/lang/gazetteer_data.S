/* gazetteer_data.S - links the name-list table (BUILD/gen/gazetteer.bin,
 * made from data/gazetteer.tsv by data/gen_gaz_table.c during the build;
 * the path comes in as XC_GAZ_BIN) into the binary as read-only bytes. */
        .section .rodata
        .balign 64
        .globl xc_gaz_table_start
xc_gaz_table_start:
        .incbin XC_GAZ_BIN
        .section .note.GNU-stack,"",@progbits

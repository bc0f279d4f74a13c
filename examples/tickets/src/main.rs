fn main() -> std::process::ExitCode {
    rewind::cli::main(&[rewind::domain::<tickets::BoxOffice>()])
}
